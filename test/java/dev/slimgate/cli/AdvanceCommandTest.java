package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.rollout.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AdvanceCommandTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T16:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new AdvanceCommand(CLOCK));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String[] approveA(String approver, String reason) {
    Path report = Reports.write(dir, "A", "pass");
    return new String[] {"--state", dir.resolve("state.yaml").toString(), "--phase", "A",
        "--approver", approver, "--author", "bob", "--reason", reason,
        "--report", report.toString(), "--output", dir.resolve("out/change.json").toString()};
  }

  @Test
  void addsTheStateFileToTheRunsPromotion() throws Exception {
    String[] args = approveA("alice", "green");
    Path runFolder = Path.of(args[args.length - 3]).getParent();
    Files.writeString(runFolder.resolve("promotion.json"),
        "{\"phase\": \"A\", \"files\": [{\"path\": \"Dockerfile\", \"source\": \"/x/D\"}]}");
    String[] withRepo = java.util.Arrays.copyOf(args, args.length + 2);
    withRepo[args.length] = "--repo";
    withRepo[args.length + 1] = dir.toString();
    run(withRepo);
    JsonNode files = new ObjectMapper().readTree(runFolder.resolve("promotion.json").toFile())
        .path("files");
    assertEquals("[\"Dockerfile\",\"state.yaml\"]", files.findValuesAsText("path").stream()
        .map(p -> "\"" + p + "\"").toList().toString().replace(", ", ","));
  }

  @Test
  void exitsZeroWhenTheChangeIsRecorded() {
    assertEquals(0, run(approveA("alice", "green")));
  }

  @Test
  void saysWhatItRecorded() {
    run(approveA("alice", "green"));

    assertEquals("phase A approved by alice at 2026-12-04T16:00:00Z, recorded in "
        + dir.resolve("state.yaml") + "\n", out.toString().replace("\r", ""));
  }

  @Test
  void writesTheStateFile() throws Exception {
    run(approveA("alice", "green"));

    assertTrue(Files.readString(dir.resolve("state.yaml")).contains("phase: A\n"));
  }

  @Test
  void writesTheChangeAsJsonForTheJenkinsStep() throws Exception {
    run(approveA("alice", "green"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/change.json").toFile());
    assertEquals("slimgate.phase-change/1|advance|null|A|alice|bob|2026-12-04T16:00:00Z|green|"
            + Reports.sha256(dir.resolve("report-A-pass.json")),
        String.join("|", json.get("schema").asText(), json.get("action").asText(),
            json.get("from").asText(), json.get("to").asText(), json.get("approver").asText(),
            json.get("author").asText(), json.get("at").asText(), json.get("reason").asText(),
            json.get("reportSha256").asText()));
  }

  @Test
  void exitsTwoOnSelfApproval() {
    assertEquals(2, run(approveA("bob", "green")));
  }

  @Test
  void explainsTheRefusalOnStandardError() {
    run(approveA("bob", ""));

    assertTrue(err.toString().startsWith("slimgate advance: refused to advance to phase A:\n"
        + "  - approver bob is the author of the change"), err.toString());
  }

  @Test
  void writesNothingWhenRefused() {
    run(approveA("bob", "green"));

    assertFalse(Files.exists(dir.resolve("state.yaml")));
  }

  @Test
  void exitsTwoWhenTheStateFileWasEditedByHand() {
    Reports.writeText(dir.resolve("state.yaml"), "schema: slimgate.state/1\nphase: B\n");

    assertEquals(2, run(approveA("alice", "green")));
  }
}
