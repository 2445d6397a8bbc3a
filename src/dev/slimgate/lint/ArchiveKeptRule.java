package dev.slimgate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** SG108: a downloaded archive is not deleted in the RUN that downloaded it. */
final class ArchiveKeptRule implements Rule {

  private static final Pattern ARCHIVE = Pattern.compile(
      "(?i).*(\\.tar|\\.tar\\.gz|\\.tgz|\\.tar\\.bz2|\\.tbz2?|\\.tar\\.xz|\\.txz|\\.tar\\.zst"
          + "|\\.zip|\\.gz|\\.bz2|\\.xz|\\.zst|\\.7z|\\.deb|\\.rpm|\\.whl|\\.run|\\.sh)$");

  @Override
  public RuleInfo info() {
    return new RuleInfo("SG108", "archive-kept", Level.WARNING,
        "A downloaded archive is not deleted in the same RUN",
        "The archive stays in the layer next to what was unpacked from it. Delete it at the end"
            + " of the same RUN, or stream the download into tar.");
  }

  @Override
  public List<Issue> check(LintContext context) {
    List<Issue> issues = new ArrayList<>();
    for (BuildModel.Step step : context.model().shippedSteps()) {
      for (LayerEffects.Download d : step.effects().downloads) {
        if (d.file().isEmpty() || !ARCHIVE.matcher(d.file().get()).matches()
            || step.effects().deletes(d.file().get())) {
          continue;
        }
        String file = d.file().get();
        boolean add = step.instruction().keyword().equals("ADD");
        issues.add(new Issue("SG108", step.instruction(), file,
            "downloaded archive " + file + " is kept in the layer",
            add ? "replace ADD by a RUN that downloads, unpacks and deletes the archive"
                : "append '&& rm -f " + file + "' to this RUN, or pipe the download into tar",
            List.of(file), List.of()));
      }
    }
    return issues;
  }
}
