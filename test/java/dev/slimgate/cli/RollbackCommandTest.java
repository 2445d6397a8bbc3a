package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.rollout.Reports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RollbackCommandTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void approvePhaseA() {
    int code = new CommandLine(new AdvanceCommand(CLOCK)).execute("--state", state(),
        "--phase", "A", "--approver", "alice", "--author", "bob", "--reason", "green",
        "--report", Reports.write(dir, "A", "pass").toString());
    assertEquals(0, code, "setting up: phase A approved");
  }

  private String state() {
    return dir.resolve("state.yaml").toString();
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new RollbackCommand(CLOCK));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void exitsZeroWhenTheRollbackIsRecorded() {
    assertEquals(0, run("--state", state(), "--phase", "A", "--approver", "carol",
        "--reason", "recon-all differs"));
  }

  @Test
  void recordsTheRollbackInTheHistory() throws Exception {
    run("--state", state(), "--approver", "carol", "--reason", "recon-all differs");

    assertTrue(Files.readString(dir.resolve("state.yaml")).contains("""
        - action: rollback
          from: A
          to: null
          approver: carol
          author: null
          at: 2026-12-05T09:00:00Z
          reason: recon-all differs
        """), Files.readString(dir.resolve("state.yaml")));
  }

  @Test
  void saysWhereTheRolloutIsNow() {
    run("--state", state(), "--approver", "carol", "--reason", "recon-all differs");

    assertEquals("phase A rolled back to none by carol at 2026-12-05T09:00:00Z, recorded in "
        + state() + "\n", out.toString().replace("\r", ""));
  }

  @Test
  void exitsTwoWithoutAReason() {
    assertEquals(2, run("--state", state(), "--approver", "carol"));
  }

  @Test
  void exitsTwoWhenThePhaseIsNoLongerCurrent() {
    run("--state", state(), "--approver", "carol", "--reason", "first");

    assertEquals(2, run("--state", state(), "--phase", "A", "--approver", "dave",
        "--reason", "second"));
  }
}
