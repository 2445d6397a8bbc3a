package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input gets exit code 2 or 3 and a message, never a stack trace. */
class CliErrorsTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @AfterEach
  void noStackTrace() {
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Usage: slimgate"), err.toString());
  }

  @Test
  void aMissingPlanIsAUsageError() {
    assertEquals(2, run("run", "--plan", dir.resolve("none.yaml").toString(), "--phase", "A"));
  }

  @Test
  void aMissingPlanIsNamed() {
    run("run", "--plan", dir.resolve("none.yaml").toString(), "--phase", "A");
    assertTrue(err.toString().contains("none.yaml: the plan file does not exist"), err.toString());
  }

  @Test
  void anUnknownPhaseListsThePlansPhases() {
    int exit = run("run", "--plan", "test/fixtures/medimproc-mini/plan.yaml", "--phase", "Z");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("has no phase 'Z'; its phases are A"), err.toString());
  }

  @Test
  void planCheckReportsEveryProblem() throws Exception {
    Path plan = dir.resolve("p.yaml");
    Files.writeString(plan, "version: 2\nimage: {name: Bad Name}\nphases: []\nextra: 1\n");
    assertEquals(2, run("plan", "check", plan.toString()));
    assertEquals(3, err.toString().lines().filter(l -> l.contains(plan.toString())).count(),
        err.toString());
  }

  @Test
  void planCheckReportsRegressionProblemsWithTheOthers() throws Exception {
    Path plan = dir.resolve("p.yaml");
    Files.writeString(plan, Files.readString(Path.of("test/fixtures/medimproc-mini/plan.yaml"))
        .replace("budget: 30MiB", "budget: 30 apples")
        + "\nregression:\n  stages:\n    - {name: s1, command: x, timeout: forever}\n");
    assertEquals(2, run("plan", "check", plan.toString()));
    assertTrue(err.toString().contains("'30 apples' is not a size"), err.toString());
    assertTrue(err.toString().contains("timeout"), err.toString());
  }

  @Test
  void planCheckAcceptsTheBundledPlans() {
    assertEquals(0, run("plan", "check", "test/fixtures/medimproc-mini/plan.yaml",
        "--repo", "test/fixtures/medimproc-mini"), err.toString());
  }

  @Test
  void noDockerEngineIsAnInfrastructureFailureWithAFix() {
    String before = System.getProperty("DOCKER_HOST");
    // docker-java reads DOCKER_HOST from system properties before the environment; port 1 on
    // the loopback has no engine
    System.setProperty("DOCKER_HOST", "tcp://127.0.0.1:1");
    try {
      int exit = run("run", "--plan", "test/fixtures/medimproc-mini/plan.yaml", "--phase", "A",
          "--out", dir.resolve("out").toString());
      assertEquals(3, exit, out + "\n" + err);
      assertTrue(err.toString().contains("no Docker engine answers at tcp://127.0.0.1:1"),
          err.toString());
      assertTrue(err.toString().contains("dockerd --bridge=none"), err.toString());
    } finally {
      if (before == null) {
        System.clearProperty("DOCKER_HOST");
      } else {
        System.setProperty("DOCKER_HOST", before);
      }
    }
  }
}
