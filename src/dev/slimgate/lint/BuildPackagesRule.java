package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** SG102: build-only packages installed and not purged in the same RUN. */
final class BuildPackagesRule implements Rule {

  private static final Pattern BUILD_ONLY = Pattern.compile("(.*-dev|.*-devel|build-essential"
      + "|build-base|gcc|gcc-.*|g\\+\\+|g\\+\\+-.*|clang|clang-.*|gfortran|make|cmake|autoconf"
      + "|automake|libtool|pkg-config|pkgconf|qt5-default|musl-dev|linux-headers)");

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG102", "build-packages-kept", Level.WARNING,
        "Build-only packages (-dev, compilers, build-essential) are not purged in the same RUN",
        "Headers and compilers needed only to build something stay in the layer that installed"
            + " them. Purge them at the end of the same RUN (apt-get purge -y ... && apt-get"
            + " autoremove -y), or build in a separate stage and COPY --from it.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    for (BuildModel.Step step : context.model().shippedSteps()) {
      LayerEffects e = step.effects();
      for (LayerEffects.Install install : e.installs) {
        if (install.manager().equals("pip") || install.manager().equals("conda")) {
          continue;
        }
        if (install.virtualName().isPresent() && e.purged.contains(install.virtualName().get())) {
          continue;
        }
        List<String> kept = install.packages().stream()
            .filter(p -> BUILD_ONLY.matcher(p).matches())
            .filter(p -> !purged(e, p)).toList();
        if (kept.isEmpty()) {
          continue;
        }
        issues.add(new Issue("SG102", step.instruction(), String.join(" ", kept),
            kept.size() + " build-only package" + (kept.size() == 1 ? " is" : "s are")
                + " installed and not purged in the same RUN: " + String.join(", ", kept),
            "append '&& apt-get purge -y " + String.join(" ", kept)
                + " && apt-get autoremove -y' to this RUN, or build in a separate stage",
            List.of(), kept.stream().map(p -> install.manager() + ":" + p).toList()));
      }
    }
    return issues;
  }

  private static boolean purged(LayerEffects e, String name) {
    return e.purged.stream().anyMatch(p -> LayerPaths.globMatches(p.replace("'", ""), name));
  }
}
