package dev.slimgate.regression.compare;

import java.util.function.LongFunction;

/**
 * Counts numeric differences as a comparator walks two value sequences and keeps the first
 * one and the largest one. Places are computed only for those two, so walking millions of
 * voxels costs no string building.
 */
final class Tally {

  private final Tolerance tolerance;
  private Verdict verdict = Verdict.PASS;
  private long failing;
  private long review;
  private Difference first;
  private Difference largest;

  Tally(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  /** Judges one pair; {@code place} names index {@code i} when a difference must be kept. */
  void number(double a, double b, long i, LongFunction<String> place) {
    Verdict v = tolerance.judge(a, b);
    double error = Math.abs(a - b);
    boolean differs = !(Double.compare(a, b) == 0 || a == b);
    if (differs && (largest == null || isLarger(error, largest.error()))) {
      largest = new Difference(place.apply(i), text(a), text(b), error);
    }
    if (v == Verdict.PASS) {
      return;
    }
    count(v);
    if (first == null) {
      first = new Difference(place.apply(i), text(a), text(b), error);
    }
  }

  /** Records a difference that is not a pair of numbers within tolerance, e.g. a text token. */
  void other(Verdict v, Difference difference) {
    if (v == Verdict.PASS) {
      return;
    }
    count(v);
    if (first == null) {
      first = difference;
    }
  }

  Verdict verdict() {
    return verdict;
  }

  long differing() {
    return failing + review;
  }

  long failing() {
    return failing;
  }

  long review() {
    return review;
  }

  Difference first() {
    return first;
  }

  Difference largest() {
    return largest;
  }

  private void count(Verdict v) {
    verdict = verdict.worst(v);
    if (v == Verdict.FAIL) {
      failing++;
    } else {
      review++;
    }
  }

  /** NaN errors (NaN against a number) count as the largest of all. */
  private static boolean isLarger(double error, double current) {
    return !Double.isNaN(current) && (Double.isNaN(error) || error > current);
  }

  static String text(double value) {
    return Difference.format(value);
  }
}
