package dev.slimgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.chat.ChatSummary;
import dev.slimgate.chat.ChatSummaryReader;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the record of an approved phase change ({@code slimgate.phase-change/1}, written by
 * {@code slimgate advance} and {@code rollback}) into a chat summary. It replies in the thread of
 * the run whose report was the evidence, when that run's chat summary is in the run folder.
 */
final class PhaseChangeSummary {

  static final String SCHEMA = "slimgate.phase-change/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PhaseChangeSummary() {}

  static boolean isPhaseChange(Path file) {
    JsonNode root = tryRead(file);
    return root != null && SCHEMA.equals(root.path("schema").asText());
  }

  static ChatSummary read(Path file, Path runDirectory) {
    JsonNode change = tryRead(file);
    JsonNode run = tryRead(runDirectory.resolve("chat-summary.json"));
    ObjectNode summary = JSON.createObjectNode();
    String to = change.path("to").asText();
    String action = change.path("action").asText("advance");
    summary.put("phase_id", to);
    summary.put("phase_name", action.equals("rollback") ? "rolled back from phase "
        + change.path("from").asText() : "approved, after phase " + change.path("from").asText());
    summary.put("commit", run != null ? run.path("commit").asText("unknown")
        : "approval-" + change.path("at").asText());
    summary.put("stage", action);
    summary.put("verdict", "pass");
    summary.put("baseline_bytes", run != null ? run.path("baseline_bytes").asLong(0) : 0);
    summary.put("candidate_bytes", run != null ? run.path("candidate_bytes").asLong(0) : 0);
    summary.put("budget_bytes", run != null ? run.path("budget_bytes").asLong(0) : 0);
    summary.putArray("details").add("phase " + to + " " + (action.equals("rollback")
        ? "rolled back" : "approved") + " by " + change.path("approver").asText() + " at "
        + change.path("at").asText() + " (change by " + change.path("author").asText("?")
        + "): " + change.path("reason").asText());
    if (run != null && run.has("links")) {
      summary.set("links", run.path("links"));
    }
    return new ChatSummaryReader().parse(summary, file.toString());
  }

  private static JsonNode tryRead(Path file) {
    try {
      return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new UsageException(file + " is not valid JSON: " + e.getMessage());
    }
  }
}
