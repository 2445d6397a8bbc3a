package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.chat.ChatSummary.FailingCheck;
import dev.slimgate.chat.ChatSummary.Links;
import dev.slimgate.chat.ChatSummary.Saving;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSummaryReaderTest {

  static final String FULL = """
      {
        "phase_id": "A",
        "phase_name": "Quick wins",
        "commit": "0123abc",
        "stage": "size",
        "verdict": "fail",
        "baseline_bytes": 32400000000,
        "candidate_bytes": 29500000000,
        "budget_bytes": 29000000000,
        "savings": [{"label": "remove the duplicate ANTs install", "bytes": 2930000000}],
        "failing_checks": [{"name": "size.phase", "message": "29.5 GB over 29 GB"}],
        "details": ["size gate: 29.5 GB against 29 GB"],
        "links": {"build": "https://ci/1/", "report": "https://ci/1/report.html",
                  "merge_request": "https://git/mr/7"}
      }
      """;

  @TempDir
  Path folder;

  private ChatSummary read(String json) throws IOException {
    Path file = folder.resolve("summary.json");
    Files.writeString(file, json);
    return new ChatSummaryReader().read(file);
  }

  private String problems(String json) throws IOException {
    Path file = folder.resolve("summary.json");
    Files.writeString(file, json);
    return assertThrows(UsageException.class, () -> new ChatSummaryReader().read(file))
        .getMessage();
  }

  @Test
  void aFullSummaryIsReadCompletely() throws IOException {
    ChatSummary expected = new ChatSummary("A", "Quick wins", "0123abc", "size", Verdict.FAIL,
        32_400_000_000L, 29_500_000_000L, 29_000_000_000L,
        List.of(new Saving("remove the duplicate ANTs install", 2_930_000_000L)),
        List.of(new FailingCheck("size.phase", "29.5 GB over 29 GB")),
        List.of("size gate: 29.5 GB against 29 GB"),
        new Links("https://ci/1/", "https://ci/1/report.html", "https://git/mr/7"));

    assertEquals(expected, read(FULL));
  }

  @Test
  void onlyPhaseCommitVerdictAndSizesAreRequired() throws IOException {
    ChatSummary summary = read("""
        {"phase_id": "B", "commit": "c", "verdict": "pass",
         "baseline_bytes": 1, "candidate_bytes": 1}""");

    assertEquals("B pass 0 0", summary.phaseId() + " " + summary.verdict().word() + " "
        + summary.budgetBytes() + " " + summary.savings().size());
  }

  @Test
  void everyProblemIsReportedAtOnce() throws IOException {
    String message = problems("""
        {"phase_id": "../x", "verdict": "green", "baseline_bytes": -1, "colour": "red",
         "failing_checks": [{"message": "m"}], "links": {"jenkins": "x"}}""");

    assertEquals(List.of("phase_id", "commit", "verdict", "baseline_bytes", "candidate_bytes",
        "colour", "failing_checks[0].name", "links.jenkins"), List.of("phase_id", "commit",
        "verdict", "baseline_bytes", "candidate_bytes", "colour", "failing_checks[0].name",
        "links.jenkins").stream().filter(message::contains).toList());
  }

  @Test
  void theProblemCountIsStated() throws IOException {
    String message = problems("{\"phase_id\": \"A\"}");

    assertTrue(message.contains("has 4 problem(s)"), message);
  }

  @Test
  void brokenJsonNamesLineAndColumn() throws IOException {
    String message = problems("{\n  \"phase_id\": \"A\",\n  oops\n}");

    assertTrue(message.contains("summary.json:3:"), message);
  }

  @Test
  void aMissingFileSaysWhichOptionToFix() {
    UsageException error = assertThrows(UsageException.class,
        () -> new ChatSummaryReader().read(folder.resolve("none.json")));

    assertTrue(error.getMessage().contains("--summary"), error.getMessage());
  }
}
