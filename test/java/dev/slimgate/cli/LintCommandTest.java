package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LintCommandTest {

  private static final String DIR = "test/fixtures/dockerfiles/";
  private static final String BASELINE = DIR + "medimproc-1.3.0.Dockerfile";
  private static final String PHASE_A = DIR + "medimproc-1.3.0-phase-a.Dockerfile";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new LintCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void baselineWithErrorsExitsOne() {
    assertEquals(1, run(BASELINE));
  }

  @Test
  void textOutputIsFileLineIdMessage() {
    run(BASELINE);

    assertTrue(out.toString().contains(BASELINE + ":34: SG101 [error] install at ${HOME}/ants"),
        out::toString);
  }

  @Test
  void cleanPhaseACandidateExitsZero() {
    assertEquals(0, run(PHASE_A), out::toString);
  }

  @Test
  void malformedDockerfileExitsTwoWithPosition() {
    int code = run(DIR + "malformed/m08-unknown-flag.Dockerfile");

    assertEquals(2, code);
    assertTrue(err.toString().contains("m08-unknown-flag.Dockerfile:2:5: unknown flag --mout"),
        err::toString);
  }

  @Test
  void missingDockerfileExitsTwo() {
    assertEquals(2, run(DIR + "no-such.Dockerfile"));
  }

  @Test
  void noDockerfileIsAUsageError() {
    assertEquals(2, run());
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertEquals(2, run("--format", "xml", BASELINE));
  }

  @Test
  void writesSarifToTheOutputFile(@TempDir Path tmp) throws IOException {
    Path sarif = tmp.resolve("lint.sarif");

    int code = run("--format", "sarif", "--output", sarif.toString(), BASELINE);

    assertEquals(1, code);
    assertTrue(Files.readString(sarif).contains("\"version\" : \"2.1.0\""));
  }

  @Test
  void planSeveritiesCanTurnErrorsIntoWarnings() {
    int code = run("--plan", DIR + "plans/relaxed.plan.yaml", BASELINE);

    assertEquals(0, code, out::toString);
  }

  @Test
  void planCanTurnARuleOff() {
    run("--plan", DIR + "plans/relaxed.plan.yaml", BASELINE);

    assertFalse(out.toString().contains("SG112"), out::toString);
  }

  @Test
  void brokenPlanExitsTwoWithEveryProblem() {
    int code = run("--plan", DIR + "plans/broken.plan.yaml", BASELINE);

    assertEquals(2, code);
    assertEquals(6, err.toString().lines().filter(l -> l.contains("broken.plan.yaml:")).count(),
        err::toString);
  }

  @Test
  void dockerignoreInTheContextSilencesTheBroadCopy(@TempDir Path context) throws IOException {
    Files.writeString(context.resolve(".dockerignore"), ".git\n");

    run("--context", context.toString(), BASELINE);

    assertFalse(out.toString().contains("SG112"), out::toString);
  }

  @Test
  void listsTheRules() {
    int code = run("--list-rules");

    assertEquals(0, code);
    assertTrue(out.toString().contains("SG101 error orphaned-install"), out::toString);
  }
}
