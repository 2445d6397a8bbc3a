package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SG107: files deleted in a later layer than the one that added them save no bytes. */
final class LaterDeletionRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG107", "deleted-in-later-layer", Level.WARNING,
        "Files are deleted in a later layer than the one that added them",
        "A layer only records the deletion; the bytes stay in the layer that added the files."
            + " Delete in the same RUN that adds them.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    List<BuildModel.Step> steps = context.model().shippedSteps();
    String home = context.model().home();
    for (BuildModel.Step step : steps) {
      for (LayerEffects.Deletion d : step.effects().deletions) {
        if (!d.wholeTree() || LayerPaths.isGeneric(d.path(), home) || step.effects()
            .touches(d.path())) {
          continue;
        }
        // The most specific earlier addition wins; among equals, the earliest.
        Optional<BuildModel.Step> adder = steps.stream()
            .filter(s -> s.index() < step.index())
            .filter(s -> addedBy(s, d.path()) > 0)
            .reduce((a, b) -> addedBy(b, d.path()) > addedBy(a, d.path()) ? b : a);
        adder.ifPresent(a -> issues.add(new Issue("SG107", step.instruction(), d.path(),
            d.path() + " is deleted here but was added by the layer of line "
                + a.instruction().span().startLine() + ", so no bytes are saved",
            "delete it in the RUN on line " + a.instruction().span().startLine()
                + " that adds it, and drop this deletion",
            List.of(d.path()), List.of())));
      }
    }
    return issues;
  }

  /** Length of the longest path the step adds that holds {@code path}; 0 when none. */
  private static int addedBy(BuildModel.Step step, String path) {
    LayerEffects e = step.effects();
    return e.created.stream().filter(c -> (LayerPaths.isUnder(path, c.path())
        || LayerPaths.globMatches(path, c.path())) && !e.deletes(c.path()))
        .mapToInt(c -> c.path().length()).max().orElse(0);
  }
}
