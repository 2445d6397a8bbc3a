package dev.slimgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.gate.SizeGate.Measured;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeGateTest {

  private static final long GB = 1_000_000_000L;

  @Test
  void passesACandidateWithinTheBudget() {
    GateResult r = new SizeGate().evaluate(32 * GB, List.of(new Measured("m", 28 * GB, null)),
        29 * GB);
    assertEquals(Verdict.PASS, r.verdict());
  }

  @Test
  void failsACandidateOverThePhaseBudget() {
    GateResult r = new SizeGate().evaluate(32 * GB, List.of(new Measured("m", 30 * GB, null)),
        29 * GB);
    assertEquals(Verdict.FAIL, r.verdict());
  }

  @Test
  void namesTheActualValueNextToTheThreshold() {
    GateResult r = new SizeGate().evaluate(32 * GB, List.of(new Measured("m", 30 * GB, null)),
        29 * GB);
    assertEquals("m weighs 30.0 GB, over the phase budget of 29.0 GB by 1.0 GB",
        r.reasons().get(0));
  }

  @Test
  void failsACandidateOverItsOwnBudget() {
    GateResult r = new SizeGate().evaluate(32 * GB, List.of(new Measured("fs", 9 * GB, 8 * GB),
        new Measured("dwi", 5 * GB, 10 * GB)), 20 * GB);
    assertTrue(r.reasons().contains("fs weighs 9.0 GB, over its budget of 8.0 GB by 1.0 GB"),
        r.reasons().toString());
  }

  @Test
  void failsACandidateLargerThanTheBaseline() {
    GateResult r = new SizeGate().evaluate(10 * GB, List.of(new Measured("m", 11 * GB, null)),
        null);
    assertEquals(Verdict.FAIL, r.verdict());
  }

  @Test
  void sumsTheServicesOfASplitAgainstThePhaseBudget() {
    GateResult r = new SizeGate().evaluate(32 * GB, List.of(new Measured("a", 8 * GB, null),
        new Measured("b", 10 * GB, null), new Measured("c", 3 * GB, null)), 20 * GB);
    assertEquals("the candidates weigh 21.0 GB, over the phase budget of 20.0 GB by 1.0 GB",
        r.reasons().get(0));
  }

  @Test
  void reportsTheChangeFromAnEmptyBaselineWithoutDividingByZero() {
    GateResult r = new SizeGate().evaluate(0, List.of(new Measured("m", 0, null)), null);
    assertEquals("baseline 0 B -> candidate 0 B (0 B)", r.reasons().get(0));
  }
}
