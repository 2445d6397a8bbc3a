package dev.slimgate.anatomy;

import dev.slimgate.anatomy.Anatomy.ComponentSize;
import dev.slimgate.anatomy.DiffResult.ComponentDelta;
import dev.slimgate.anatomy.DiffResult.DirDelta;
import dev.slimgate.anatomy.DiffResult.PathChange;
import dev.slimgate.anatomy.DiffResult.SavingCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;
import java.util.TreeSet;

/**
 * Compares two analysed images. Identical directories are recognised by their tree hash and
 * skipped, so the walk costs the size of the difference, not of the images.
 */
public final class ImageDiff {

  private static final int DIR_DEPTH = 3;
  private static final int TOP = 50;

  private final PlanExcerpt plan;
  private final String phase;

  /** @param phase the plan phase whose savings to compare, or null for none */
  public ImageDiff(PlanExcerpt plan, String phase) {
    this.plan = plan;
    this.phase = phase;
  }

  public DiffResult diff(Analysis base, Analysis candidate) {
    Walk w = new Walk();
    w.compare(base.tree().root(), candidate.tree().root(), 0);
    Anatomy a = base.anatomy();
    Anatomy b = candidate.anatomy();
    List<ComponentDelta> comps = new ArrayList<>();
    Map<String, ComponentSize> candComps = new HashMap<>();
    for (ComponentSize c : b.components()) {
      candComps.put(c.name(), c);
    }
    for (ComponentSize c : a.components()) {
      ComponentSize other = candComps.get(c.name());
      comps.add(new ComponentDelta(c.name(), c.bytes(), other == null ? 0 : other.bytes()));
    }
    List<SavingCheck> checks = new ArrayList<>();
    long expected = 0;
    if (phase != null) {
      Map<String, ComponentDelta> byName = new HashMap<>();
      for (ComponentDelta d : comps) {
        byName.put(d.name(), d);
      }
      for (PlanExcerpt.Saving s : plan.savings().getOrDefault(phase, List.of())) {
        ComponentDelta d = s.component() == null ? null : byName.get(s.component());
        checks.add(new SavingCheck(s.change(), s.component(), s.bytes(),
            d == null ? -1 : d.saved()));
        expected += s.bytes();
      }
    }
    w.dirs.sort(Comparator.comparingLong((DirDelta d) -> -Math.abs(d.saved()))
        .thenComparing(DirDelta::path));
    return new DiffResult(a.image(), b.image(), a.finalBytes(), b.finalBytes(), comps,
        top(w.dirs), top(sorted(w.removed, true)), sum(w.removed, true),
        top(sorted(w.added, false)), sum(w.added, false), top(w.changed),
        packageDiff(a.packages(), b.packages()), packageDiff(b.packages(), a.packages()),
        phase, checks, expected, a.finalBytes() - b.finalBytes());
  }

  private static final class Walk {
    final List<PathChange> removed = new ArrayList<>();
    final List<PathChange> added = new ArrayList<>();
    final List<PathChange> changed = new ArrayList<>();
    final List<DirDelta> dirs = new ArrayList<>();

    void compare(FsNode a, FsNode b, int depth) {
      if (a.hashHi == b.hashHi && a.hashLo == b.hashLo) {
        return;
      }
      if (depth > 0 && depth <= DIR_DEPTH) {
        dirs.add(new DirDelta(a.path(), a.total, b.total));
      }
      TreeSet<String> names = new TreeSet<>();
      for (FsNode c : FileTree.visibleChildren(a)) {
        names.add(c.name);
      }
      for (FsNode c : FileTree.visibleChildren(b)) {
        names.add(c.name);
      }
      for (String n : names) {
        FsNode x = visible(a.child(n));
        FsNode y = visible(b.child(n));
        if (y == null) {
          gone(x, depth + 1, true);
        } else if (x == null) {
          gone(y, depth + 1, false);
        } else if (x.isDir() && y.isDir()) {
          compare(x, y, depth + 1);
        } else if (x.isDir() || y.isDir()) {
          gone(x, depth + 1, true);
          gone(y, depth + 1, false);
        } else if (x.hashHi != y.hashHi || x.hashLo != y.hashLo || x.size != y.size
            || x.type != y.type || !Objects.equals(x.link, y.link)) {
          changed.add(new PathChange(x.path(), false, x.ownBytes(), y.ownBytes(), 1));
        }
      }
    }

    private void gone(FsNode n, int depth, boolean fromBase) {
      long bytes = n.isDir() ? n.total : n.ownBytes();
      long files = n.isDir() ? n.files : 1;
      PathChange c = new PathChange(n.path(), n.isDir(), fromBase ? bytes : 0,
          fromBase ? 0 : bytes, files);
      (fromBase ? removed : added).add(c);
      if (n.isDir() && depth <= DIR_DEPTH) {
        dirs.add(new DirDelta(n.path(), fromBase ? bytes : 0, fromBase ? 0 : bytes));
      }
    }
  }

  private static FsNode visible(FsNode n) {
    return n != null && n.visible ? n : null;
  }

  private static List<PathChange> sorted(List<PathChange> list, boolean base) {
    list.sort(Comparator.comparingLong((PathChange c) -> base ? -c.baseBytes()
        : -c.candidateBytes()).thenComparing(PathChange::path));
    return list;
  }

  private static long sum(List<PathChange> list, boolean base) {
    long s = 0;
    for (PathChange c : list) {
      s += base ? c.baseBytes() : c.candidateBytes();
    }
    return s;
  }

  private static <T> List<T> top(List<T> list) {
    return new ArrayList<>(list.subList(0, Math.min(TOP, list.size())));
  }

  /** Packages of {@code from} that {@code other} lacks (by manager and name). */
  private static List<PackageRecord> packageDiff(List<PackageRecord> from,
      List<PackageRecord> other) {
    Set<String> have = new HashSet<>();
    for (PackageRecord p : other) {
      have.add(p.manager() + "/" + p.name());
    }
    List<PackageRecord> out = new ArrayList<>();
    for (PackageRecord p : from) {
      if (!have.contains(p.manager() + "/" + p.name())) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingLong(PackageRecord::bytes).reversed()
        .thenComparing(PackageRecord::name));
    return out;
  }
}
