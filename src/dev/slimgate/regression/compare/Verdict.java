package dev.slimgate.regression.compare;

/** The verdict of one comparison, ordered from best to worst so that a worst-of is a max. */
public enum Verdict {
  /** Same within tolerance. */
  PASS,
  /** Differences inside the "needs review" band: a person decides. */
  INCONCLUSIVE,
  /** Differences beyond the review band, missing outputs, or a failed stage. */
  FAIL;

  /** The worse of this verdict and {@code other}. */
  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** The lower-case word used in reports, JSON and JUnit. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
