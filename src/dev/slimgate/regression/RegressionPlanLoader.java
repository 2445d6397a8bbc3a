package dev.slimgate.regression;

import dev.slimgate.core.UsageException;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import dev.slimgate.plan.Problems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a plan strictly with the plan package and then its {@code regression:} section, for the
 * regress and compare commands. Every problem is reported with file, line and column.
 */
public final class RegressionPlanLoader {

  /** The regression section's check, for plan readers that report every section at once. */
  public static final PlanReader.SectionCheck CHECK =
      (node, problems) -> new RegressionSpecParser().parse(node, problems);

  /** The plan's regression section; {@code base} is the folder its paths are relative to. */
  public RegressionSpec load(Path planFile, Path base) {
    Plan plan = new PlanReader(null, Map.of("regression", CHECK)).read(planFile, base);
    if (plan.regression().isEmpty()) {
      throw new UsageException(planFile + ": the plan has no regression section; add one as"
          + " described in docs/regression.md");
    }
    Problems problems = new Problems(planFile.toString());
    RegressionSpec spec = new RegressionSpecParser().parse(plan.regression().get(), problems);
    problems.throwIfAny();
    return spec;
  }
}
