package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SG110: a recursive chmod/chown copies a tree of an earlier layer into a new one. */
final class PermissionCopyRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG110", "recursive-permission-copy", Level.WARNING,
        "A recursive chmod or chown copies a whole tree into a new layer",
        "Changing the metadata of a file from an earlier layer copies the whole file into the"
            + " new layer. Set ownership where the files are added (COPY --chown/--chmod, or in"
            + " the RUN that creates them).");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    List<BuildModel.Step> steps = context.model().shippedSteps();
    for (BuildModel.Step step : steps) {
      for (LayerEffects.Permission p : step.effects().permissions) {
        // When the same RUN fills the tree (a conda install followed by fix-permissions, say),
        // most of what is changed is new in this layer anyway: not flagged.
        boolean createdHere = step.effects().created.stream()
            .anyMatch(c -> LayerPaths.overlaps(p.target(), c.path()));
        if (createdHere) {
          continue;
        }
        Optional<BuildModel.Step> earlier = steps.stream()
            .filter(s -> s.index() < step.index())
            .filter(s -> s.effects().touches(p.target())).reduce((a, b) -> b);
        String where = earlier.map(s -> "added on line " + s.instruction().span().startLine())
            .orElse("from an earlier layer");
        issues.add(new Issue("SG110", step.instruction(), p.target(),
            p.command() + " on " + p.target() + " (" + where + ") copies the whole tree into"
                + " this layer",
            "set ownership and modes where the files are added (COPY --chown/--chmod or the RUN"
                + " that creates them) and drop this " + p.command(),
            List.of(p.target()), List.of()));
      }
    }
    return issues;
  }
}
