package dev.slimgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.run.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds a file to a run folder's promotion.json, so that the merge request of the phase also
 * carries it; used for phases/state.yaml once an approval is recorded.
 */
final class Promotions {

  private Promotions() {}

  /** Adds or replaces {@code repoPath}; returns false when the folder has no promotion.json. */
  static boolean addFile(Path runFolder, String repoPath, Path source) {
    Path file = runFolder.resolve("promotion.json");
    if (!Files.isRegularFile(file)) {
      return false;
    }
    ObjectMapper json = new ObjectMapper();
    try {
      JsonNode root = json.readTree(file.toFile());
      ObjectNode object;
      if (root.isArray()) {
        object = json.createObjectNode();
        object.set("files", root);
      } else {
        object = (ObjectNode) root;
      }
      ArrayNode files = object.withArray("files");
      String path = repoPath.replace('\\', '/').replaceFirst("^\\./", "");
      for (int i = files.size() - 1; i >= 0; i--) {
        if (path.equals(files.get(i).path("path").asText())) {
          files.remove(i);
        }
      }
      files.addObject().put("path", path).put("source", source.toAbsolutePath().toString());
      new RunFolder(runFolder).write("promotion.json", object.toPrettyString() + "\n");
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
    }
  }
}
