package dev.slimgate.gate;

import static dev.slimgate.plan.Units.formatSize;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds each candidate to its own budget, all of them together to the phase budget, and none of
 * them to more than the baseline weighs.
 */
public final class SizeGate {

  /** One candidate image's measured size and its budget, null when it has none. */
  public record Measured(String name, long bytes, Long budget) {}

  /** Decides the gate; {@code phaseBudget} is null when the phase sets none. */
  public GateResult evaluate(long baselineBytes, List<Measured> candidates, Long phaseBudget) {
    List<String> failures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long total = 0;
    for (Measured c : candidates) {
      total += c.bytes();
      if (c.budget() != null && c.bytes() > c.budget()) {
        failures.add(c.name() + " weighs " + formatSize(c.bytes()) + ", over its budget of "
            + formatSize(c.budget()) + " by " + formatSize(c.bytes() - c.budget()));
      }
      if (c.bytes() > baselineBytes) {
        failures.add(c.name() + " weighs " + formatSize(c.bytes()) + ", more than the baseline's "
            + formatSize(baselineBytes));
      }
    }
    if (phaseBudget != null) {
      String subject = candidates.size() == 1 ? candidates.get(0).name() : "the candidates";
      if (total > phaseBudget) {
        failures.add(subject + " weigh" + (candidates.size() == 1 ? "s " : " ")
            + formatSize(total) + ", over the phase budget of " + formatSize(phaseBudget)
            + " by " + formatSize(total - phaseBudget));
      } else {
        notes.add(subject + " weigh" + (candidates.size() == 1 ? "s " : " ")
            + formatSize(total) + ", within the phase budget of " + formatSize(phaseBudget)
            + " (" + formatSize(phaseBudget - total) + " to spare)");
      }
    }
    if (candidates.size() == 1) {
      notes.add("baseline " + formatSize(baselineBytes) + " -> candidate " + formatSize(total)
          + " (" + formatSize(total - baselineBytes) + percent(total - baselineBytes,
              baselineBytes) + ")");
    }
    if (!failures.isEmpty()) {
      return new GateResult("size", Verdict.FAIL, failures);
    }
    return new GateResult("size", Verdict.PASS, notes);
  }

  private static String percent(long delta, long base) {
    if (base == 0) {
      return "";
    }
    return String.format(java.util.Locale.ROOT, ", %+.1f%%", 100.0 * delta / base);
  }
}
