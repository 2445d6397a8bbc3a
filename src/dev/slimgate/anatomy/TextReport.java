package dev.slimgate.anatomy;

import static dev.slimgate.anatomy.Sizes.human;

import dev.slimgate.anatomy.Anatomy.ComponentSize;
import dev.slimgate.anatomy.Anatomy.DirSize;
import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.Anatomy.FileSize;
import dev.slimgate.anatomy.Anatomy.LayerStats;
import dev.slimgate.anatomy.DiffResult.ComponentDelta;
import dev.slimgate.anatomy.DiffResult.DirDelta;
import dev.slimgate.anatomy.DiffResult.PathChange;
import dev.slimgate.anatomy.DiffResult.SavingCheck;
import java.util.Locale;

/** Renders analysis and diff results as plain text for a terminal or a build log. */
public final class TextReport {

  private static final int PACKAGES_SHOWN = 30;
  private static final int INSTRUCTION_WIDTH = 70;

  public String render(Anatomy a) {
    StringBuilder s = new StringBuilder();
    s.append("Image ").append(a.image()).append('\n');
    s.append(String.format(Locale.ROOT,
        "  final %s in %d files; stored in layers %s; wasted %s; efficiency %.2f%%%n",
        human(a.finalBytes()), a.finalFiles(), human(a.storedBytes()), human(a.wastedBytes()),
        a.efficiency() * 100));
    s.append("\nLayers (added / replacing / hidden / deleted / chmod-copies)\n");
    for (LayerStats l : a.layers()) {
      s.append(String.format(Locale.ROOT, "  %3d  %10s %10s %10s %10s %10s  %s%n", l.index(),
          human(l.addedBytes()), human(l.replacingBytes()), human(l.hiddenBytes()),
          human(l.deletedBytes()), human(l.metadataOnlyBytes()), clip(l.createdBy())));
    }
    s.append("\nDirectories\n");
    for (DirSize d : a.tree()) {
      s.append("  ").append("  ".repeat(d.depth())).append(String.format(Locale.ROOT,
          "%-10s %s (%d files)%n", human(d.bytes()), d.path(), d.files()));
    }
    s.append("\nLargest files\n");
    for (FileSize f : a.largestFiles()) {
      s.append(String.format(Locale.ROOT, "  %10s  %s (layer %d)%n", human(f.bytes()), f.path(),
          f.layer()));
    }
    if (!a.duplicateTrees().isEmpty()) {
      s.append("\nDuplicate trees\n");
      for (Duplicate d : a.duplicateTrees()) {
        s.append(String.format(Locale.ROOT, "  %s each (%d files), %s wasted: %s%n",
            human(d.bytes()), d.files(), human(d.wastedBytes()), String.join(", ", d.paths())));
      }
    }
    if (!a.duplicateFiles().isEmpty()) {
      s.append("\nDuplicate files (").append(human(a.duplicateFileBytes()))
          .append(" wasted in all)\n");
      for (Duplicate d : a.duplicateFiles()) {
        s.append(String.format(Locale.ROOT, "  %s each, %s wasted: %s%n", human(d.bytes()),
            human(d.wastedBytes()), String.join(", ", d.paths())));
      }
    }
    if (!a.components().isEmpty()) {
      s.append("\nComponents\n");
      for (ComponentSize c : a.components()) {
        s.append(String.format(Locale.ROOT, "  %-20s %10s %8d files%s%n", c.name(),
            human(c.bytes()), c.files(),
            c.missing().isEmpty() ? "" : "  missing: " + String.join(", ", c.missing())));
      }
    }
    if (!a.packages().isEmpty()) {
      s.append("\nPackages (largest ").append(PACKAGES_SHOWN).append(" of ")
          .append(a.packages().size()).append(")\n");
      a.packages().stream()
          .sorted((x, y) -> Long.compare(y.bytes(), x.bytes()))
          .limit(PACKAGES_SHOWN)
          .forEach(p -> s.append(String.format(Locale.ROOT, "  %-6s %-40s %-20s %10s%n",
              p.manager(), p.name(), p.version(), human(p.bytes()))));
    }
    if (!a.findings().isEmpty()) {
      s.append("\nFindings\n");
      a.findings().forEach(f -> s.append("  ").append(f.kind()).append(": ").append(f.path())
          .append(" in ").append(f.layer()).append(" (").append(f.detail()).append(")\n"));
    }
    return s.toString();
  }

  public String render(DiffResult d) {
    StringBuilder s = new StringBuilder();
    s.append("Diff ").append(d.base()).append(" -> ").append(d.candidate()).append('\n');
    s.append("  ").append(human(d.baseBytes())).append(" -> ").append(human(d.candidateBytes()))
        .append(" (saved ").append(human(d.measuredBytes())).append(")\n");
    if (!d.components().isEmpty()) {
      s.append("\nComponents (base -> candidate, saved)\n");
      for (ComponentDelta c : d.components()) {
        s.append(String.format(Locale.ROOT, "  %-20s %10s -> %10s  %10s%n", c.name(),
            human(c.baseBytes()), human(c.candidateBytes()), human(c.saved())));
      }
    }
    s.append("\nDirectories (base -> candidate)\n");
    for (DirDelta x : d.directories()) {
      s.append(String.format(Locale.ROOT, "  %10s -> %10s  %s%n", human(x.baseBytes()),
          human(x.candidateBytes()), x.path()));
    }
    s.append("\nRemoved (").append(human(d.removedBytes())).append(")\n");
    for (PathChange c : d.removed()) {
      s.append(String.format(Locale.ROOT, "  - %10s  %s%s%n", human(c.baseBytes()), c.path(),
          c.directory() ? "/ (" + c.files() + " files)" : ""));
    }
    s.append("\nAdded (").append(human(d.addedBytes())).append(")\n");
    for (PathChange c : d.added()) {
      s.append(String.format(Locale.ROOT, "  + %10s  %s%s%n", human(c.candidateBytes()), c.path(),
          c.directory() ? "/ (" + c.files() + " files)" : ""));
    }
    if (!d.changed().isEmpty()) {
      s.append("\nChanged\n");
      for (PathChange c : d.changed()) {
        s.append(String.format(Locale.ROOT, "  ~ %10s -> %10s  %s%n", human(c.baseBytes()),
            human(c.candidateBytes()), c.path()));
      }
    }
    s.append("\nPackages removed\n");
    d.packagesRemoved().forEach(p -> s.append(String.format(Locale.ROOT, "  - %-6s %-40s %s%n",
        p.manager(), p.name() + " " + p.version(), human(p.bytes()))));
    s.append("\nPackages added\n");
    d.packagesAdded().forEach(p -> s.append(String.format(Locale.ROOT, "  + %-6s %-40s %s%n",
        p.manager(), p.name() + " " + p.version(), human(p.bytes()))));
    if (d.phase() != null) {
      s.append("\nExpected savings of phase ").append(d.phase()).append(" (expected / measured)\n");
      for (SavingCheck c : d.savings()) {
        s.append(String.format(Locale.ROOT, "  %10s / %10s  %s%s%n", human(c.expectedBytes()),
            c.measuredBytes() < 0 ? "n/a" : human(c.measuredBytes()), c.change(),
            c.component() == null ? "" : " [" + c.component() + "]"));
      }
      s.append(String.format(Locale.ROOT, "  %10s / %10s  whole image%n",
          human(d.expectedBytes()), human(d.measuredBytes())));
    }
    return s.toString();
  }

  private static String clip(String instruction) {
    String one = instruction.replaceAll("\\s+", " ").trim();
    return one.length() <= INSTRUCTION_WIDTH ? one
        : one.substring(0, INSTRUCTION_WIDTH - 3) + "...";
  }
}
