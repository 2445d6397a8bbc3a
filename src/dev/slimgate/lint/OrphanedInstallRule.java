package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SG101: an install left behind when the variable pointing to it moves to another install. */
final class OrphanedInstallRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG101", "orphaned-install", Level.ERROR,
        "An install directory is orphaned when the variable pointing to it is redefined",
        "A variable such as ANTSPATH first points into one install and is later redefined to"
            + " point into another; the first install is still shipped in its layer. Remove the"
            + " first install, or install only once.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    BuildModel model = context.model();
    List<Issue> issues = new ArrayList<>();
    List<BuildModel.Step> steps = model.shippedSteps();
    for (BuildModel.Assignment a : model.assignments()) {
      if (a.previous().isEmpty() || !isPath(a.previous().get()) || !isPath(a.value())) {
        continue;
      }
      String oldRoot = root(a.previous().get(), steps, a.step().index(), model.home());
      String newRoot = root(a.value(), steps, Integer.MAX_VALUE, model.home());
      if (LayerPaths.overlaps(oldRoot, newRoot)) {
        continue;
      }
      Optional<BuildModel.Step> installer = steps.stream()
          .filter(s -> s.index() < a.step().index())
          .filter(s -> s.effects().created.stream()
              .anyMatch(c -> LayerPaths.overlaps(c.path(), oldRoot)
                  && !LayerPaths.isGeneric(c.path(), model.home())))
          .findFirst();
      boolean removed = steps.stream().anyMatch(s -> s.effects().deletes(oldRoot));
      boolean stillUsed = model.finalEnv().entrySet().stream()
          .anyMatch(e -> !e.getKey().equals("PATH") && isPath(e.getValue())
              && LayerPaths.isUnder(e.getValue(), oldRoot));
      if (installer.isEmpty() || removed || stillUsed) {
        continue;
      }
      int line = a.step().instruction().span().startLine();
      issues.add(new Issue("SG101", installer.get().instruction(), oldRoot,
          "install at " + oldRoot + " is orphaned: " + a.name() + " pointed to "
              + a.previous().get() + " and is redefined to " + a.value() + " on line " + line
              + ", but the first install is still shipped",
          "remove the install of " + oldRoot + " (and the ENV that points to it), keep only "
              + newRoot,
          List.of(oldRoot), List.of()));
    }
    return issues;
  }

  /** The install directory a path points into. */
  private static String root(String path, List<BuildModel.Step> steps, int before, String home) {
    String best = null;
    for (BuildModel.Step s : steps) {
      if (s.index() >= before) {
        break;
      }
      for (LayerEffects.Created c : s.effects().created) {
        if (LayerPaths.isUnder(path, c.path()) && !LayerPaths.isGeneric(c.path(), home)
            && (best == null || c.path().length() > best.length())) {
          best = c.path();
        }
      }
    }
    return best != null ? best : LayerPaths.firstSpecific(path, home);
  }

  private static boolean isPath(String value) {
    return (value.startsWith("/") || value.startsWith("${")) && !value.contains(":")
        && !value.contains(" ");
  }
}
