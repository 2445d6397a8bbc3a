package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SG111: a whole distribution is unpacked although the plan lists parts the image never uses. */
final class DistributionRule implements Rule {

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG111", "unneeded-distribution-parts", Level.WARNING,
        "A whole distribution is installed with parts the plan lists as unneeded",
        "Distributions such as FreeSurfer or FSL ship sample data, docs and GUIs the pipeline"
            + " never uses. Exclude them while unpacking (tar --exclude) or delete them in the"
            + " same RUN.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    List<BuildModel.Step> steps = context.model().shippedSteps();
    for (BuildModel.Step step : steps) {
      LayerEffects e = step.effects();
      for (Distribution dist : context.settings().distributions()) {
        Optional<LayerEffects.Extraction> extraction = e.extractions.stream()
            .filter(x -> matches(dist, x, e)).findFirst();
        if (extraction.isEmpty()) {
          continue;
        }
        LayerEffects.Extraction x = extraction.get();
        List<String> kept = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String part : dist.unneeded()) {
          String path = LayerPaths.normalize(part, x.destination());
          boolean excluded = x.excludes().stream().anyMatch(ex -> part.equals(ex)
              || part.startsWith(ex.replaceFirst("^\\./", "") + "/")
              || ex.replaceFirst("^\\./", "").equals(part));
          if (!excluded && !e.deletes(path)) {
            kept.add(part);
            paths.add(path);
          }
        }
        if (kept.isEmpty()) {
          continue;
        }
        issues.add(new Issue("SG111", step.instruction(), dist.name(),
            "whole " + dist.name() + " distribution installed into " + x.destination()
                + " keeps " + kept.size() + " unneeded part" + (kept.size() == 1 ? "" : "s")
                + ": " + String.join(", ", kept),
            fix(x, kept, paths),
            paths, List.of()));
      }
    }
    return issues;
  }

  private static String fix(LayerEffects.Extraction x, List<String> kept, List<String> paths) {
    String delete = "'&& rm -rf " + String.join(" ", paths) + "'";
    return switch (x.tool()) {
      case "tar" -> "add " + String.join(" ", kept.stream().map(k -> "--exclude=" + k).toList())
          + " to tar, or append " + delete + " to this RUN";
      case "unzip" -> "add -x " + String.join(" ", kept.stream().map(k -> "'" + k + "/*'")
          .toList()) + " to unzip, or append " + delete + " to this RUN";
      default -> "append " + delete + " to this RUN";
    };
  }

  private static boolean matches(Distribution dist, LayerEffects.Extraction x, LayerEffects e) {
    if (dist.match().matcher(x.source()).find()) {
      return true;
    }
    return e.downloads.stream().anyMatch(d -> d.file().map(f -> f.equals(x.source()))
        .orElse(false) && dist.match().matcher(d.url()).find());
  }
}
