package dev.slimgate.gate;

import java.util.Collection;
import java.util.Locale;

/** The outcome of a gate or a whole phase run. */
public enum Verdict {
  PASS, INCONCLUSIVE, FAIL;

  /** The worst of several: one failure fails, else one open question leaves it inconclusive. */
  public static Verdict worst(Collection<Verdict> verdicts) {
    Verdict out = PASS;
    for (Verdict v : verdicts) {
      if (v.ordinal() > out.ordinal()) {
        out = v;
      }
    }
    return out;
  }

  /** The command line's exit code: 0 passed, 1 a gate failed or needs a person. */
  public int exitCode() {
    return this == PASS ? 0 : 1;
  }

  /** Lower case, as written in reports and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
