package dev.slimgate.regression;

import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.util.List;

/**
 * The verdict of one stage: how it ran on each side and how its outputs compare.
 *
 * @param name the stage
 * @param baseline its run in the baseline image, null in reference mode or when it did not run
 * @param candidate its run in the candidate image, null when it did not run
 * @param outputs one outcome per declared output
 * @param problems why the stage failed apart from its outputs (a timeout, an exit code, a
 *     stage it depends on), empty when none
 * @param verdict the worst of the outputs and problems
 */
public record StageResult(
    String name,
    StageRun baseline,
    StageRun candidate,
    List<Outcome> outputs,
    List<String> problems,
    Verdict verdict) {

  public StageResult {
    outputs = List.copyOf(outputs);
    problems = List.copyOf(problems);
  }
}
