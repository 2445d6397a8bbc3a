package dev.slimgate.regression;

import dev.slimgate.regression.compare.Verdict;
import java.util.List;

/**
 * The regression gate's verdict.
 *
 * @param mode "images" (baseline and candidate both run), "reference" (the candidate against a
 *     stored reference output set) or "record" (the baseline run stored as a reference)
 * @param baseline the baseline image, or null in reference mode
 * @param candidate the candidate image, or null when only recording
 * @param reference the reference folder read or written, or null
 * @param stages one result per stage, in plan order
 * @param verdict the worst of the stages
 */
public record RegressionResult(
    String mode,
    String baseline,
    String candidate,
    String reference,
    List<StageResult> stages,
    Verdict verdict) {

  public RegressionResult {
    stages = List.copyOf(stages);
  }
}
