package dev.slimgate.anatomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an image config the anatomy needs: the layer diff ids in order and the
 * instruction that created each layer (history entries marked {@code empty_layer} made none).
 */
public record ImageConfig(List<String> diffIds, List<String> createdBy) {

  public static ImageConfig parse(byte[] json, String where) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UsageException("image config " + where + " is not JSON (" + e.getMessage()
          + "); the archive is damaged, export the image again");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode d : root.path("rootfs").path("diff_ids")) {
      ids.add(d.asText());
    }
    List<String> created = new ArrayList<>();
    for (JsonNode h : root.path("history")) {
      if (!h.path("empty_layer").asBoolean(false)) {
        created.add(h.path("created_by").asText(""));
      }
    }
    return new ImageConfig(ids, created);
  }

  /** The instruction of layer {@code i} (0-based), or "" when the history does not say. */
  public String createdBy(int i) {
    return i < createdBy.size() ? createdBy.get(i) : "";
  }
}
