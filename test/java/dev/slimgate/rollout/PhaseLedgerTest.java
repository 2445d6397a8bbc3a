package dev.slimgate.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhaseLedgerTest {

  private static final Instant T1 = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-12-05T11:30:00Z");

  @TempDir Path dir;
  private Path statePath;
  private StateFile state;

  @BeforeEach
  void setUp() {
    statePath = dir.resolve("phases/state.yaml");
    state = new StateFile(statePath);
  }

  private PhaseLedger ledgerAt(Instant instant) {
    return new PhaseLedger(state, Clock.fixed(instant, ZoneOffset.UTC));
  }

  private AuditEntry approve(String phase, Instant at) {
    return ledgerAt(at).advance(new PhaseLedger.Advance(
        phase, "alice", "bob", "gates green for " + phase, Reports.write(dir, phase, "pass")));
  }

  private String refusal(PhaseLedger.Advance request) {
    return assertThrows(UsageException.class, () -> ledgerAt(T1).advance(request)).getMessage();
  }

  @Test
  void firstAdvanceApprovesPhaseAFromNothing() {
    AuditEntry entry = approve("A", T1);

    assertNull(entry.from());
    assertEquals("A", entry.to());
  }

  @Test
  void advanceRecordsWhoWhenWhyAndTheReportHash() {
    Path report = Reports.write(dir, "A", "pass");

    ledgerAt(T1).advance(new PhaseLedger.Advance("A", " alice ", "bob", " tools pass ", report));

    AuditEntry written = state.read().history().get(0);
    assertEquals(new AuditEntry("advance", null, "A", "alice", "bob", T1, "tools pass",
        report.toString(), Reports.sha256(report)), written);
  }

  @Test
  void advanceMovesTheCurrentPhase() {
    approve("A", T1);

    assertEquals("A", state.read().phase());
  }

  @Test
  void secondAdvanceAppendsAndKeepsTheFirstEntryUnchanged() {
    AuditEntry first = approve("A", T1);

    AuditEntry second = approve("B", T2);

    assertEquals(List.of(first, second), state.read().history());
  }

  @Test
  void secondAdvanceGoesFromTheCurrentPhase() {
    approve("A", T1);

    assertEquals("A", approve("B", T2).from());
  }

  @Test
  void refusesToSkipAPhase() {
    approve("A", T1);

    String message = refusal(new PhaseLedger.Advance(
        "C", "alice", "bob", "why", Reports.write(dir, "C", "pass")));

    assertTrue(message.contains("the current phase is A, so the next one is B"), message);
  }

  @Test
  void refusesToStartAnywhereButA() {
    String message = refusal(new PhaseLedger.Advance(
        "B", "alice", "bob", "why", Reports.write(dir, "B", "pass")));

    assertTrue(message.contains("so the next one is A"), message);
  }

  @Test
  void refusesToApproveTheCurrentPhaseAgain() {
    approve("A", T1);

    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", "bob", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("phase A cannot be approved now"), message);
  }

  @Test
  void refusesToAdvancePastTheLastPhase() {
    for (String phase : List.of("A", "B", "C", "D")) {
      approve(phase, T1);
    }

    String message = refusal(new PhaseLedger.Advance(
        "D", "alice", "bob", "why", Reports.write(dir, "D", "pass")));

    assertTrue(message.contains("already at the last phase D"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"E", "a", "", "phase-a"})
  void refusesAnUnknownPhaseId(String phase) {
    String message = refusal(new PhaseLedger.Advance(
        phase, "alice", "bob", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("which is no phase id; use one of A, B, C, D"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob", "Bob", " bob ", "bob@example.org", "BOB@other.example"})
  void refusesApprovalByTheChangesOwnAuthor(String approver) {
    String message = refusal(new PhaseLedger.Advance(
        "A", approver, "bob", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("is the author of the change; another release manager"), message);
  }

  @Test
  void refusesAnApproverWhoseUserIdIsTheAuthorsMailName() {
    String message = refusal(new PhaseLedger.Advance(
        "A", "bob", "Bob@example.org", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("approver bob is the author of the change"), message);
  }

  @Test
  void acceptsAnApproverWhoseNameMerelyContainsTheAuthors() {
    AuditEntry entry = ledgerAt(T1).advance(new PhaseLedger.Advance(
        "A", "bobby", "bob@example.org", "why", Reports.write(dir, "A", "pass")));

    assertEquals("bobby", entry.approver());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void refusesABlankReason(String reason) {
    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", "bob", reason, Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("no reason: say why with --reason"), message);
  }

  @Test
  void refusesAMissingReason() {
    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", "bob", null, Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("no reason"), message);
  }

  @Test
  void refusesAMissingApprover() {
    String message = refusal(new PhaseLedger.Advance(
        "A", null, "bob", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("no approver: give who approves with --approver"), message);
  }

  @Test
  void refusesAMissingAuthorBecauseSelfApprovalCouldNotBeChecked() {
    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", " ", "why", Reports.write(dir, "A", "pass")));

    assertTrue(message.contains("no author: give who wrote the change with --author"), message);
  }

  @Test
  void refusesWithoutAReport() {
    String message = refusal(new PhaseLedger.Advance("A", "alice", "bob", "why", null));

    assertTrue(message.contains("no evidence: give the phase's passing report"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"fail", "inconclusive"})
  void refusesAReportThatDidNotPass(String verdict) {
    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", "bob", "why", Reports.write(dir, "A", verdict)));

    assertTrue(message.contains("has verdict '" + verdict + "', but only a passing run"), message);
  }

  @Test
  void refusesTheReportOfAnotherPhase() {
    String message = refusal(new PhaseLedger.Advance(
        "A", "alice", "bob", "why", Reports.write(dir, "B", "pass")));

    assertTrue(message.contains("is about phase 'B', not phase A"), message);
  }

  @Test
  void refusesAReportThatIsNotJson() {
    Path report = Reports.writeText(dir.resolve("report.json"), "verdict: pass\n{");

    String message = refusal(new PhaseLedger.Advance("A", "alice", "bob", "why", report));

    assertTrue(message.contains("is not JSON"), message);
  }

  @Test
  void refusesJsonThatIsNoSlimgateReport() {
    Path report = Reports.writeText(dir.resolve("other.json"), "{\"verdict\":\"pass\"}");

    String message = refusal(new PhaseLedger.Advance("A", "alice", "bob", "why", report));

    assertTrue(message.contains("has schema '', expected slimgate.report/N"), message);
  }

  @Test
  void refusesAReportThatDoesNotExist() {
    Path report = dir.resolve("nowhere/report.json");

    String message = refusal(new PhaseLedger.Advance("A", "alice", "bob", "why", report));

    assertTrue(message.contains("cannot be read"), message);
  }

  @Test
  void listsEveryProblemOfARequestAtOnce() {
    String message = refusal(new PhaseLedger.Advance(
        "B", "bob", "bob", "", Reports.write(dir, "A", "fail")));

    assertEquals(5, message.lines().filter(l -> l.startsWith("  - ")).count(), message);
  }

  @Test
  void aRefusedAdvanceWritesNoStateFile() {
    refusal(new PhaseLedger.Advance("A", "bob", "bob", "why", Reports.write(dir, "A", "pass")));

    assertFalse(Files.exists(statePath));
  }

  @Test
  void aRefusedAdvanceLeavesTheStateFileAsItWas() throws Exception {
    approve("A", T1);
    String before = Files.readString(statePath);

    refusal(new PhaseLedger.Advance("B", "alice", "bob", "", Reports.write(dir, "B", "pass")));

    assertEquals(before, Files.readString(statePath));
  }

  @Test
  void rollbackReturnsToThePreviousPhase() {
    approve("A", T1);
    approve("B", T1);

    ledgerAt(T2).rollback(new PhaseLedger.Rollback("B", "carol", null, "eddy outputs drift"));

    assertEquals("A", state.read().phase());
  }

  @Test
  void rollbackRecordsTheSameAuditAsAnAdvance() {
    approve("A", T1);
    approve("B", T1);

    ledgerAt(T2).rollback(new PhaseLedger.Rollback(null, "carol", "dave", " eddy drifts "));

    assertEquals(new AuditEntry("rollback", "B", "A", "carol", "dave", T2, "eddy drifts", null,
        null), state.read().history().get(2));
  }

  @Test
  void rollbackOfPhaseALeavesNothingApproved() {
    approve("A", T1);

    AuditEntry entry = ledgerAt(T2).rollback(new PhaseLedger.Rollback("A", "carol", null, "why"));

    assertNull(entry.to());
  }

  @Test
  void afterARollbackThePhaseCanBeApprovedAgain() {
    approve("A", T1);
    approve("B", T1);
    ledgerAt(T2).rollback(new PhaseLedger.Rollback("B", "carol", null, "why"));

    assertEquals("B", approve("B", T2).to());
  }

  @Test
  void refusesARollbackWhenNothingWasApproved() {
    UsageException e = assertThrows(UsageException.class,
        () -> ledgerAt(T1).rollback(new PhaseLedger.Rollback(null, "carol", null, "why")));

    assertTrue(e.getMessage().contains("nothing to roll back"), e.getMessage());
  }

  @Test
  void refusesARollbackOfAPhaseThatIsNoLongerCurrent() {
    approve("A", T1);

    UsageException e = assertThrows(UsageException.class,
        () -> ledgerAt(T1).rollback(new PhaseLedger.Rollback("B", "carol", null, "why")));

    assertTrue(e.getMessage().contains("--phase is B but the current phase is A"), e.getMessage());
  }

  @Test
  void refusesARollbackWithoutAReason() {
    approve("A", T1);

    UsageException e = assertThrows(UsageException.class,
        () -> ledgerAt(T1).rollback(new PhaseLedger.Rollback("A", "carol", null, " ")));

    assertTrue(e.getMessage().contains("no reason"), e.getMessage());
  }

  @Test
  void refusesARollbackApprovedByTheOneWhoAskedForIt() {
    approve("A", T1);

    UsageException e = assertThrows(UsageException.class,
        () -> ledgerAt(T1).rollback(new PhaseLedger.Rollback("A", "carol", "Carol", "why")));

    assertTrue(e.getMessage().contains("is the author of the change"), e.getMessage());
  }
}
