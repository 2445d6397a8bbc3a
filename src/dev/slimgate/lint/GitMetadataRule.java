package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;

/** SG109: a git clone keeps its .git directory. */
final class GitMetadataRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG109", "git-metadata-kept", Level.WARNING,
        "A git clone keeps its .git directory in the image",
        "Even a shallow clone keeps pack files under .git (about 400 MB for Synb0-DISCO)."
            + " Remove .git in the same RUN, or use git archive / a release tarball.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    for (BuildModel.Step step : context.model().shippedSteps()) {
      for (LayerEffects.Clone clone : step.effects().clones) {
        String git = clone.destination() + "/.git";
        if (step.effects().deletes(git)) {
          continue;
        }
        issues.add(new Issue("SG109", step.instruction(), git,
            "git clone of " + clone.url() + " keeps " + git + " in the layer",
            "append '&& rm -rf " + git + "' to this RUN", List.of(git), List.of()));
      }
    }
    return issues;
  }
}
