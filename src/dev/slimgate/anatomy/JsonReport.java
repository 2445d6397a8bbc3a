package dev.slimgate.anatomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Renders an {@link Anatomy} or a {@link DiffResult} as indented JSON (record fields as keys). */
public final class JsonReport {

  private final ObjectMapper mapper =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String render(Object result) {
    try {
      return mapper.writeValueAsString(result) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records of the anatomy always serialise", e);
    }
  }
}
