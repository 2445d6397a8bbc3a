package dev.slimgate.anatomy;

import dev.slimgate.plan.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two parts of a phase plan the anatomy uses: component paths and the expected savings of
 * each phase.
 */
public record PlanExcerpt(Map<String, List<String>> components, Map<String, List<Saving>> savings) {

  /** One expected saving of a phase; {@code component} may be null. */
  public record Saving(String change, String component, long bytes) {}

  public static PlanExcerpt empty() {
    return new PlanExcerpt(Map.of(), Map.of());
  }

  /** The components and expected savings of a validated plan. */
  public static PlanExcerpt of(Plan plan) {
    Map<String, List<Saving>> savings = new LinkedHashMap<>();
    for (Plan.Phase phase : plan.phases()) {
      savings.put(phase.id(), phase.savings().stream()
          .map(s -> new Saving(s.change(), s.component(), s.bytes())).toList());
    }
    return new PlanExcerpt(plan.componentPaths(), savings);
  }
}
