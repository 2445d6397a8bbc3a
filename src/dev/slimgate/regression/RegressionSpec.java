package dev.slimgate.regression;

import dev.slimgate.regression.compare.OutputRule;
import java.util.List;
import java.util.Optional;

/**
 * The {@code regression:} section of a phase plan.
 *
 * @param reference folder holding a stored reference output set (relative to the image
 *     repository), or null
 * @param inputs folder mounted read-only at /in (relative to the image repository), or null
 * @param stages in the order they run
 * @param compare comparator rules, the first whose pattern matches an output decides it
 */
public record RegressionSpec(
    String reference, String inputs, List<Stage> stages, List<OutputRule> compare) {

  public RegressionSpec {
    stages = List.copyOf(stages);
    compare = List.copyOf(compare);
  }

  public Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
