package dev.slimgate.chat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.chat.ChatSummary.FailingCheck;
import dev.slimgate.chat.ChatSummary.Links;
import dev.slimgate.chat.ChatSummary.Saving;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@link ChatSummary} from the JSON file described in docs/chat.md. Unknown keys, wrong
 * types and missing values are reported all at once, each with its JSON path.
 */
public final class ChatSummaryReader {

  private static final Set<String> KEYS = Set.of("phase_id", "phase_name", "commit", "stage",
      "verdict", "baseline_bytes", "candidate_bytes", "budget_bytes", "savings",
      "failing_checks", "details", "links");
  private static final Set<String> LINK_KEYS = Set.of("build", "report", "merge_request");

  private final ObjectMapper json = new ObjectMapper();

  /**
   * @throws UsageException when the file is missing, is not JSON or breaks the format
   */
  public ChatSummary read(Path file) {
    JsonNode root;
    try {
      root = json.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new UsageException("summary file " + file + " does not exist: pass the JSON file"
          + " the run wrote with --summary");
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String position = where == null ? ""
          : ":" + where.getLineNr() + ":" + where.getColumnNr();
      throw new UsageException(file + position + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("could not read summary file " + file + ": " + e.getMessage());
    }
    return parse(root, file.toString());
  }

  /** Checks and converts an already parsed summary; {@code source} names it in errors. */
  public ChatSummary parse(JsonNode root, String source) {
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new UsageException(source + ": the summary must be a JSON object");
    }
    unknownKeys(root, KEYS, "", problems);
    String phaseId = text(root, "phase_id", true, problems);
    if (phaseId != null && !ChatSummary.PHASE_ID.matcher(phaseId).matches()) {
      problems.add("phase_id: '" + phaseId + "' must be 1-32 letters, digits, '-' or '_'");
      phaseId = null;
    }
    String phaseName = text(root, "phase_name", false, problems);
    String commit = text(root, "commit", true, problems);
    String stage = text(root, "stage", false, problems);
    Verdict verdict = verdict(root, problems);
    long baseline = bytes(root, "baseline_bytes", "", true, problems);
    long candidate = bytes(root, "candidate_bytes", "", true, problems);
    long budget = bytes(root, "budget_bytes", "", false, problems);
    List<Saving> savings = new ArrayList<>();
    List<FailingCheck> checks = new ArrayList<>();
    for (JsonNode item : array(root, "savings", problems)) {
      String path = "savings[" + savings.size() + "].";
      unknownKeys(item, Set.of("label", "bytes"), path, problems);
      String label = text(item, "label", path, true, problems);
      savings.add(new Saving(label == null ? "" : label,
          bytes(item, "bytes", path, true, problems)));
    }
    for (JsonNode item : array(root, "failing_checks", problems)) {
      String path = "failing_checks[" + checks.size() + "].";
      unknownKeys(item, Set.of("name", "message"), path, problems);
      String name = text(item, "name", path, true, problems);
      checks.add(new FailingCheck(name == null ? "" : name,
          text(item, "message", path, false, problems)));
    }
    List<String> details = new ArrayList<>();
    for (JsonNode item : array(root, "details", problems)) {
      if (item.isTextual()) {
        details.add(item.asText());
      } else {
        problems.add("details[" + details.size() + "]: must be a string, is " + kind(item));
      }
    }
    Links links = links(root.get("links"), problems);
    if (!problems.isEmpty()) {
      throw new UsageException(source + ": the chat summary has " + problems.size()
          + " problem(s):\n  - " + String.join("\n  - ", problems));
    }
    return new ChatSummary(phaseId, phaseName, commit, stage, verdict, baseline, candidate,
        budget, savings, checks, details, links);
  }

  private static Verdict verdict(JsonNode root, List<String> problems) {
    JsonNode node = root.get("verdict");
    if (node == null || node.isNull()) {
      problems.add("verdict: missing; one of pass, fail, inconclusive");
      return null;
    }
    String word = node.asText().toLowerCase(Locale.ROOT);
    for (Verdict verdict : Verdict.values()) {
      if (verdict.word().equals(word) && node.isTextual()) {
        return verdict;
      }
    }
    problems.add("verdict: '" + node.asText() + "' is not one of pass, fail, inconclusive");
    return null;
  }

  private static Links links(JsonNode node, List<String> problems) {
    if (node == null || node.isNull()) {
      return new Links(null, null, null);
    }
    if (!node.isObject()) {
      problems.add("links: must be an object with build, report, merge_request");
      return new Links(null, null, null);
    }
    unknownKeys(node, LINK_KEYS, "links.", problems);
    return new Links(text(node, "build", "links.", false, problems),
        text(node, "report", "links.", false, problems),
        text(node, "merge_request", "links.", false, problems));
  }

  private static void unknownKeys(JsonNode node, Set<String> known, String path,
      List<String> problems) {
    if (!node.isObject()) {
      problems.add((path.isEmpty() ? "item" : path.substring(0, path.length() - 1))
          + ": must be an object, is " + kind(node));
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(path + name + ": unknown key; known are " + known.stream().sorted()
            .toList());
      }
    }
  }

  private static String text(JsonNode node, String key, boolean required, List<String> problems) {
    return text(node, key, "", required, problems);
  }

  private static String text(JsonNode node, String key, String path, boolean required,
      List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(path + key + ": missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      problems.add(path + key + ": must be a string, is " + kind(value));
      return null;
    }
    if (required && value.asText().isBlank()) {
      problems.add(path + key + ": must not be empty");
      return null;
    }
    return value.asText();
  }

  private static long bytes(JsonNode node, String key, String path, boolean required,
      List<String> problems) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(path + key + ": missing; a whole number of bytes");
      }
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      problems.add(path + key + ": must be a whole number of bytes >= 0, is " + value);
      return 0;
    }
    return value.asLong();
  }

  private static List<JsonNode> array(JsonNode root, String key, List<String> problems) {
    JsonNode value = root.get(key);
    List<JsonNode> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (!value.isArray()) {
      problems.add(key + ": must be a list, is " + kind(value));
      return items;
    }
    value.forEach(items::add);
    return items;
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
