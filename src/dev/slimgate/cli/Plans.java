package dev.slimgate.cli;

import dev.slimgate.plan.PlanReader;
import dev.slimgate.regression.RegressionPlanLoader;
import java.util.Map;

/** The checks of the sections other packages own, for commands that read a whole plan. */
final class Plans {

  static final Map<String, PlanReader.SectionCheck> SECTION_CHECKS =
      Map.of("regression", RegressionPlanLoader.CHECK);

  private Plans() {}
}
