package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slimgate notify} told about an approval (what advancePhase passes it). */
class PhaseChangeNotifyTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();

  private int notifyOf(String change) throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("chat-summary.json"), """
        {"phase_id": "A", "commit": "abc123", "verdict": "pass", "baseline_bytes": 32400000000,
         "candidate_bytes": 28000000000, "links": {"build": "https://ci.example/job/1/"}}
        """);
    Path file = run.resolve("phase-change.json");
    Files.writeString(file, change);
    CommandLine cli = new CommandLine(new NotifyCommand(Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute("--summary", file.toString(), "--state-dir", dir.resolve("state").toString(),
        "--run-dir", run.toString());
  }

  private static final String CHANGE = """
      {"schema": "slimgate.phase-change/1", "action": "advance", "from": "baseline", "to": "A",
       "approver": "alice", "author": "bob", "at": "2026-12-04T16:00:00Z",
       "reason": "all gates green", "report": "run/report.json", "reportSha256": "00"}
      """;

  @Test
  void acceptsTheRecordOfAnApproval() throws Exception {
    assertEquals(0, notifyOf(CHANGE));
  }

  @Test
  void saysWhoApprovedWhenAndWhy() throws Exception {
    notifyOf(CHANGE);
    assertTrue(out.toString().contains("approved by alice at 2026-12-04T16:00:00Z (change by bob):"
        + " all gates green"), out.toString());
  }

  @Test
  void keepsTheSizesOfTheRunThatWasTheEvidence() throws Exception {
    notifyOf(CHANGE);
    assertTrue(out.toString().contains("28.0 GB"), out.toString());
  }
}
