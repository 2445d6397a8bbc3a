package dev.slimgate.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a finished run folder: {@code promotion.json} (which files the promotion writes) and
 * {@code report.md}. The format is described in docs/forge.md. Every problem of the file is
 * reported at once.
 */
public final class PromotionFile {

  /** The promotion description in a run folder. */
  public static final String FILE_NAME = "promotion.json";

  /** The report in a run folder, unless promotion.json names another. */
  public static final String REPORT_NAME = "report.md";

  private static final Set<String> TOP_KEYS =
      Set.of("version", "phase", "title", "summary", "labels", "report", "report_path", "files");
  private static final Set<String> FILE_KEYS = Set.of("path", "source", "content", "executable");
  private static final int SUMMARY_LIMIT = 4000;

  private final ObjectMapper json = new ObjectMapper();

  /** Reads the promotion of phase {@code phase} from {@code runDir}. */
  public Promotion read(Path runDir, String phase) {
    Path file = runDir.resolve(FILE_NAME);
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("the run folder " + runDir + " has no " + FILE_NAME + ": publish"
          + " a folder written by 'slimgate run', or write one as docs/forge.md describes");
    } catch (IOException e) {
      throw new UsageException(file + " cannot be read as JSON (" + e.getMessage().lines()
          .findFirst().orElse("") + "): fix it as docs/forge.md describes");
    }
    List<String> problems = new ArrayList<>();
    JsonNode filesNode = root;
    if (root.isObject()) {
      checkKeys(root, TOP_KEYS, "", problems);
      filesNode = root.path("files");
      String declared = root.path("phase").asText(phase);
      if (!declared.equalsIgnoreCase(phase)) {
        problems.add("phase is '" + declared + "' but --phase is '" + phase + "'");
      }
      if (root.has("version") && root.path("version").asInt(0) != 1) {
        problems.add("version must be 1, not " + root.path("version"));
      }
    }
    List<FileChange> files = new ArrayList<>();
    if (!filesNode.isArray() || filesNode.isEmpty()) {
      problems.add("files must be a non-empty list of {path, source}");
    } else {
      for (int i = 0; i < filesNode.size(); i++) {
        readFile(runDir, filesNode.get(i), "files[" + i + "]", problems, files);
      }
    }
    String reportName = root.path("report").asText(REPORT_NAME);
    String report = "";
    try {
      report = Files.readString(runDir.resolve(reportName), StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add("report " + runDir.resolve(reportName) + " cannot be read (" + e + ")");
    }
    List<String> labels = new ArrayList<>();
    if (root.has("labels")) {
      if (!root.path("labels").isArray()) {
        problems.add("labels must be a list of strings");
      }
      root.path("labels").forEach(label -> labels.add(label.asText()));
    } else {
      labels.add("slimgate");
      labels.add("phase-" + phase.toLowerCase(Locale.ROOT));
    }
    for (String label : labels) {
      if (label.isBlank() || label.contains(",")) {
        problems.add("label '" + label + "' must be non-empty and without commas");
      }
    }
    String reportPath = root.path("report_path")
        .asText("slimgate/reports/phase-" + phase.toLowerCase(Locale.ROOT) + ".md");
    if (!problems.isEmpty()) {
      throw new UsageException(file + " has " + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", problems));
    }
    for (FileChange change : files) {
      if (change.path().equals(reportPath)) {
        throw new UsageException(file + ": " + reportPath + " is where the report goes; do not"
            + " list it under files, or set report_path to another path");
      }
    }
    String title = root.path("title").asText("slimgate: promote the phase " + phase
        + " candidate");
    String summary = root.has("summary") ? root.path("summary").asText() : firstSection(report);
    return new Promotion(phase, files, report, reportPath, title, summary, labels);
  }

  private void readFile(Path runDir, JsonNode node, String where, List<String> problems,
      List<FileChange> files) {
    if (!node.isObject()) {
      problems.add(where + " must be an object {path, source}");
      return;
    }
    checkKeys(node, FILE_KEYS, where + ".", problems);
    String path = node.path("path").asText("");
    boolean hasSource = node.hasNonNull("source");
    boolean hasContent = node.hasNonNull("content");
    if (hasSource == hasContent) {
      problems.add(where + " needs exactly one of source (a file to copy) and content (text)");
      return;
    }
    byte[] bytes;
    boolean executable = node.path("executable").asBoolean(false);
    if (hasSource) {
      Path source = runDir.resolve(node.path("source").asText());
      if (!Files.isRegularFile(source)) {
        problems.add(where + ".source " + source + " is not a file");
        return;
      }
      try {
        bytes = Files.readAllBytes(source);
      } catch (IOException e) {
        problems.add(where + ".source " + source + " cannot be read (" + e + ")");
        return;
      }
      executable = node.has("executable") ? executable : Files.isExecutable(source);
    } else {
      bytes = node.path("content").asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      files.add(new FileChange(path, bytes, executable));
    } catch (UsageException e) {
      problems.add(where + ".path: " + e.getMessage());
    }
  }

  private static void checkKeys(JsonNode node, Set<String> known, String prefix,
      List<String> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(prefix + name + " is not a known key (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  /** The report up to its second heading: the verdict part, for the results note. */
  private static String firstSection(String report) {
    StringBuilder section = new StringBuilder();
    int headings = 0;
    for (String line : report.strip().split("\n", -1)) {
      if (line.startsWith("#") && ++headings == 2) {
        break;
      }
      section.append(line).append('\n');
    }
    String text = section.toString().strip();
    return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT) + "...";
  }
}
