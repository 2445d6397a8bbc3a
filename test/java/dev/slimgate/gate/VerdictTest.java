package dev.slimgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static CheckResult check(Status status) {
    return new CheckResult("m", "ants", "command", "c3d", status, "exits 0", "x", "", 1);
  }

  @Test
  void oneFailureFailsTheWhole() {
    assertEquals(Verdict.FAIL,
        Verdict.worst(List.of(Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.FAIL)));
  }

  @Test
  void anOpenQuestionLeavesItInconclusive() {
    assertEquals(Verdict.INCONCLUSIVE, Verdict.worst(List.of(Verdict.PASS, Verdict.INCONCLUSIVE)));
  }

  @Test
  void nothingToDecidePasses() {
    assertEquals(Verdict.PASS, Verdict.worst(List.of()));
  }

  @Test
  void aTimedOutCheckLeavesTheToolsGateInconclusive() {
    assertEquals(Verdict.INCONCLUSIVE,
        new ToolsGate().evaluate(List.of(check(Status.PASS), check(Status.TIMEOUT))).verdict());
  }

  @Test
  void aFailedCheckFailsTheToolsGate() {
    assertEquals(Verdict.FAIL,
        new ToolsGate().evaluate(List.of(check(Status.FAIL), check(Status.TIMEOUT))).verdict());
  }

  @Test
  void theToolsGateNamesTheFailingCheck() {
    assertEquals("m: ants: command c3d: expected exits 0; got x",
        new ToolsGate().evaluate(List.of(check(Status.FAIL))).reasons().get(0));
  }

  @Test
  void inconclusiveExitsOneLikeAFailure() {
    assertEquals(1, Verdict.INCONCLUSIVE.exitCode());
  }
}
