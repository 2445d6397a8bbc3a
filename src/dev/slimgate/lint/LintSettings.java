package dev.slimgate.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the linter is configured: the {@code lint:} section of a phase plan.
 *
 * @param severity rule id to level; OFF turns the rule off
 * @param unusedPackages package names no image should install (pip, conda or system)
 * @param distributions whole-distribution downloads and their unneeded parts
 */
public record LintSettings(Map<String, Level> severity, Set<String> unusedPackages,
    List<Distribution> distributions) {

  public LintSettings {
    severity = Map.copyOf(severity);
    unusedPackages = Set.copyOf(unusedPackages);
    distributions = List.copyOf(distributions);
  }

  /** No overrides, no unused packages, no distributions. */
  public static LintSettings empty() {
    return new LintSettings(Map.of(), Set.of(), List.of());
  }

  /** Defaults for the medimproc neuroimaging image (field facts of version 1.3.0). */
  public static LintSettings medimproc() {
    return new LintSettings(Map.of(), Set.of("torchvision", "torchaudio"), List.of(
        new Distribution("FreeSurfer", Pattern.compile("(?i)freesurfer.*\\.(tar\\.gz|tgz)"),
            List.of("freesurfer/trctrain", "freesurfer/diffusion", "freesurfer/docs",
                "freesurfer/matlab", "freesurfer/fsafd", "freesurfer/tktools",
                "freesurfer/subjects/bert")),
        new Distribution("FSL", Pattern.compile("fslinstaller\\.py"),
            List.of("fslpython", "data/atlases", "data/possum", "doc", "tcl"))));
  }

  /** The level of a rule: its override, else its default. */
  public Level levelOf(RuleInfo rule) {
    return severity.getOrDefault(rule.id(), rule.defaultLevel());
  }
}
