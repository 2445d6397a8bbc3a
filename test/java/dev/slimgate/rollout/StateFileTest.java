package dev.slimgate.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

  private static final AuditEntry APPROVE_A = new AuditEntry("advance", null, "A", "alice", "bob",
      Instant.parse("2026-12-04T10:00:00Z"), "phase A: gates green", "runs/a/report.json",
      "ab12");
  private static final AuditEntry APPROVE_B = new AuditEntry("advance", "A", "B", "alice", "bob",
      Instant.parse("2026-12-05T10:00:00Z"), "why: \"quoted\", with: colon", "r.json", "cd34");

  @TempDir Path dir;

  private Path path() {
    return dir.resolve("phases/state.yaml");
  }

  private String readError(String yaml) {
    Reports.writeText(path(), yaml);
    return assertThrows(UsageException.class, () -> new StateFile(path()).read()).getMessage();
  }

  @Test
  void aMissingFileIsTheInitialState() {
    assertEquals(PhaseState.INITIAL, new StateFile(path()).read());
  }

  @Test
  void writesTheDocumentedLayout() throws Exception {
    new StateFile(path()).write(PhaseState.INITIAL.with(APPROVE_A));

    assertEquals("""
        # Rollout state, written by `slimgate advance` and `slimgate rollback`.
        # Change it only through them, in a merge request, so that the history stays complete.
        schema: slimgate.state/1
        phase: A
        history:
        - action: advance
          from: null
          to: A
          approver: alice
          author: bob
          at: 2026-12-04T10:00:00Z
          reason: 'phase A: gates green'
          report: runs/a/report.json
          reportSha256: ab12
        """, Files.readString(path()));
  }

  @Test
  void readsBackWhatItWrote() {
    PhaseState written = PhaseState.INITIAL.with(APPROVE_A).with(APPROVE_B);
    new StateFile(path()).write(written);

    assertEquals(written, new StateFile(path()).read());
  }

  @Test
  void leavesNoTemporaryFileBehind() throws Exception {
    new StateFile(path()).write(PhaseState.INITIAL.with(APPROVE_A));

    try (Stream<Path> files = Files.list(path().getParent())) {
      assertEquals(List.of(path()), files.toList());
    }
  }

  @Test
  void replacesAnExistingFile() {
    new StateFile(path()).write(PhaseState.INITIAL.with(APPROVE_A));

    new StateFile(path()).write(PhaseState.INITIAL.with(APPROVE_A).with(APPROVE_B));

    assertEquals("B", new StateFile(path()).read().phase());
  }

  @Test
  void refusesAPhaseEditedByHand() {
    new StateFile(path()).write(PhaseState.INITIAL.with(APPROVE_A));
    String edited = readTextReplacing("phase: A", "phase: C");

    String message = readError(edited);

    assertTrue(message.contains("phase is C but the last history entry leads to A"), message);
  }

  @Test
  void refusesAFileWhoseHistoryWasEmptiedByHand() {
    String message = readError("schema: slimgate.state/1\nphase: B\nhistory: []\n");

    assertTrue(message.contains("phase is B but the last history entry leads to null"), message);
  }

  @Test
  void refusesAnotherSchema() {
    String message = readError("schema: something/2\nphase: null\n");

    assertTrue(message.contains("schema is 'something/2', expected 'slimgate.state/1'"), message);
  }

  @Test
  void refusesInvalidYaml() {
    String message = readError("schema: [unclosed\n");

    assertTrue(message.contains("it is not valid YAML"), message);
  }

  @Test
  void refusesAnEntryWithoutAnApprover() {
    String message = readError("schema: slimgate.state/1\nphase: A\nhistory:\n"
        + "- {action: advance, from: null, to: A, at: '2026-12-04T10:00:00Z', reason: r}\n");

    assertTrue(message.contains("history entry 1 has no approver"), message);
  }

  @Test
  void refusesAnUnknownAction() {
    String message = readError("schema: slimgate.state/1\nphase: A\nhistory:\n"
        + "- {action: skip, to: A, approver: a, at: '2026-12-04T10:00:00Z', reason: r}\n");

    assertTrue(message.contains("has action 'skip', expected advance or rollback"), message);
  }

  private String readTextReplacing(String from, String to) {
    try {
      return Files.readString(path()).replace(from, to);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
