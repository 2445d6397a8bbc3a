package dev.slimgate.regression.compare;

/**
 * How far two numbers may be apart. A pair is within tolerance when
 * {@code |a - b| <= abs + rel * max(|a|, |b|)}; the symmetric form keeps the verdict independent
 * of which side is the baseline. Differences up to {@code review} times that bound are
 * inconclusive ("needs review") rather than failures.
 *
 * @param abs absolute tolerance, 0 or more
 * @param rel relative tolerance, 0 or more
 * @param review the review band as a multiple of the tolerance, 1 or more (1: no band)
 */
public record Tolerance(double abs, double rel, double review) {

  /** Bit-for-bit numbers: no tolerance and no review band. */
  public static final Tolerance EXACT = new Tolerance(0, 0, 1);

  public Tolerance {
    if (!(abs >= 0) || !(rel >= 0)) {
      throw new IllegalArgumentException(
          "tolerances must be 0 or more, got abs " + abs + " rel " + rel);
    }
    if (!(review >= 1)) {
      throw new IllegalArgumentException("review must be 1 or more, got " + review);
    }
  }

  /** The allowed difference between {@code a} and {@code b}. */
  public double bound(double a, double b) {
    return abs + rel * Math.max(Math.abs(a), Math.abs(b));
  }

  /**
   * The verdict for one pair of numbers. NaN equals NaN and infinities equal themselves, because
   * a pipeline that writes NaN in the same voxel on both sides has not changed.
   */
  public Verdict judge(double a, double b) {
    if (Double.compare(a, b) == 0 || a == b) {
      return Verdict.PASS;
    }
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
      return Verdict.FAIL;
    }
    double error = Math.abs(a - b);
    double bound = bound(a, b);
    if (error <= bound) {
      return Verdict.PASS;
    }
    return review > 1 && error <= bound * review ? Verdict.INCONCLUSIVE : Verdict.FAIL;
  }

  /** A short text for messages, e.g. "abs 1e-06, rel 0.0001, review x10". */
  public String describe() {
    String text = "abs " + abs + ", rel " + rel;
    return review > 1 ? text + ", review x" + review : text;
  }
}
