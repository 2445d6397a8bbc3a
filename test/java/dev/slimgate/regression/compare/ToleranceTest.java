package dev.slimgate.regression.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToleranceTest {

  @ParameterizedTest(name = "{0} vs {1} with abs {2} rel {3} review {4}: {5}")
  @CsvSource({
      "1.0, 1.0, 0, 0, 1, PASS",
      "1.0, 1.0000001, 0, 0, 1, FAIL",
      "1.0, 1.0000001, 1e-6, 0, 1, PASS",
      "100, 100.01, 0, 1e-4, 1, PASS",
      "100, 100.02, 0, 1e-4, 1, FAIL",
      "100, 100.02, 0, 1e-4, 10, INCONCLUSIVE",
      "100, 100.2, 0, 1e-4, 10, FAIL",
      "NaN, NaN, 0, 0, 1, PASS",
      "NaN, 1, 1, 1, 10, FAIL",
      "Infinity, Infinity, 0, 0, 1, PASS",
      "-0.0, 0.0, 0, 0, 1, PASS"
  })
  void judgesPairs(double a, double b, double abs, double rel, double review, Verdict want) {
    assertEquals(want, new Tolerance(abs, rel, review).judge(a, b));
  }

  @ParameterizedTest
  @CsvSource({"-1, 0, 1", "0, -1, 1", "0, 0, 0.5", "NaN, 0, 1"})
  void refusesNegativeTolerancesAndReviewBelowOne(double abs, double rel, double review) {
    assertThrows(IllegalArgumentException.class, () -> new Tolerance(abs, rel, review));
  }
}
