package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SG106: a package the plan marks as unused is installed. */
final class UnusedPackageRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG106", "unused-package", Level.ERROR,
        "A package the plan marks as unused is installed",
        "The plan's lint.unused_packages lists packages nothing in the image uses (for example"
            + " torchvision and torchaudio next to torch). Drop them from the install.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<String> unused = context.settings().unusedPackages().stream()
        .map(UnusedPackageRule::canonical).toList();
    List<Issue> issues = new ArrayList<>();
    for (BuildModel.Step step : context.model().shippedSteps()) {
      for (LayerEffects.Install install : step.effects().installs) {
        List<String> found = install.packages().stream()
            .filter(p -> unused.contains(canonical(p))).toList();
        if (found.isEmpty()) {
          continue;
        }
        issues.add(new Issue("SG106", step.instruction(), String.join(" ", found),
            install.manager() + " installs " + String.join(", ", found) + ", listed as unused"
                + " in lint.unused_packages",
            "remove " + String.join(" and ", found) + " from this install",
            List.of(), found.stream().map(p -> install.manager() + ":" + p).toList()));
      }
    }
    return issues;
  }

  /** One name for a distribution however it is packaged: python3-torchvision is torchvision. */
  private static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-')
        .replaceFirst("^(python3?|py3)-", "");
  }
}
