package dev.slimgate.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The rollout's position: the last approved phase (null before phase A is approved) and every
 * change that led there, oldest first.
 */
public record PhaseState(String phase, List<AuditEntry> history) {

  /** The state of a rollout nobody has advanced yet. */
  public static final PhaseState INITIAL = new PhaseState(null, List.of());

  public PhaseState {
    history = List.copyOf(history);
  }

  /** This state after {@code entry}: its phase is the entry's target, the entry appended. */
  public PhaseState with(AuditEntry entry) {
    List<AuditEntry> longer = new ArrayList<>(history);
    longer.add(entry);
    return new PhaseState(entry.to(), longer);
  }
}
