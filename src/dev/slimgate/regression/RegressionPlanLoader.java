package dev.slimgate.regression;

import dev.slimgate.core.UsageException;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import dev.slimgate.plan.Problems;
import java.nio.file.Path;

/**
 * Reads a plan strictly with the plan package and then its {@code regression:} section, for the
 * regress and compare commands. Every problem is reported with file, line and column.
 */
public final class RegressionPlanLoader {

  /** The plan's regression section; {@code base} is the folder its paths are relative to. */
  public RegressionSpec load(Path planFile, Path base) {
    Plan plan = new PlanReader().read(planFile, base);
    if (plan.regression().isEmpty()) {
      throw new UsageException(planFile + ": the plan has no regression section; add one as"
          + " described in docs/regression.md");
    }
    // TODO: PlanReader should call RegressionSpecParser itself, so that the problems of the
    // regression section come in the same report as those of the other sections; until the
    // plan package does, they come in a second report after the rest of the plan is clean.
    Problems problems = new Problems(planFile.toString());
    RegressionSpec spec = new RegressionSpecParser().parse(plan.regression().get(), problems);
    problems.throwIfAny();
    return spec;
  }
}
