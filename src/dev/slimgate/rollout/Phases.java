package dev.slimgate.rollout;

import java.util.List;

/**
 * The fixed order of the rollout's phases. The plan format documents the ids A to D in this
 * order; the order is the rollout's own rule, so it lives here and not in each plan.
 */
final class Phases {

  static final List<String> ORDER = List.of("A", "B", "C", "D");

  private Phases() {}

  /** The phase after {@code current}; A when nothing was approved yet, null after D. */
  static String next(String current) {
    if (current == null) {
      return ORDER.get(0);
    }
    int at = indexOf(current);
    return at + 1 < ORDER.size() ? ORDER.get(at + 1) : null;
  }

  /** The phase before {@code current}; null when {@code current} is A. */
  static String previous(String current) {
    int at = indexOf(current);
    return at == 0 ? null : ORDER.get(at - 1);
  }

  private static int indexOf(String id) {
    int at = ORDER.indexOf(id);
    if (at < 0) {
      throw new IllegalArgumentException("no phase id: " + id + "; callers check ids first");
    }
    return at;
  }
}
