package dev.slimgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.slimgate.gate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;

/** report.json: the run report as JSON, verdicts in lower case. */
public final class JsonReport {

  private final ObjectMapper mapper;

  public JsonReport() {
    SimpleModule verdicts = new SimpleModule();
    verdicts.addSerializer(Verdict.class, new StdSerializer<>(Verdict.class) {
      @Override
      public void serialize(Verdict value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(value.label());
      }
    });
    this.mapper = new ObjectMapper()
        .registerModule(verdicts)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS);
  }

  public String render(RunReport report) {
    try {
      return mapper.writeValueAsString(report) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
