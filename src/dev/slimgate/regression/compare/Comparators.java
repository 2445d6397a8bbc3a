package dev.slimgate.regression.compare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Chooses a comparator per output by the first matching rule and compares files, folders and
 * zip archives entry by entry. Outputs no rule matches are compared by a comparator chosen
 * from their name ({@link OutputRule#kindFor}) with no tolerance.
 */
public final class Comparators {

  private final List<OutputRule> rules;

  public Comparators(List<OutputRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rule that decides {@code path}: the first match, else auto without tolerance. */
  public OutputRule ruleFor(String path) {
    for (OutputRule rule : rules) {
      if (rule.matches(path)) {
        return rule;
      }
    }
    return new OutputRule("**", "auto", Tolerance.EXACT);
  }

  /**
   * Compares two files or two folders. A side that does not exist fails the output; so does a
   * file on one side and a folder on the other.
   */
  public Outcome comparePaths(String name, Path baseline, Path candidate) {
    boolean a = Files.exists(baseline);
    boolean b = Files.exists(candidate);
    if (!a || !b) {
      // a declared output must exist on both sides: without the baseline's there is nothing
      // to compare with, without the candidate's the candidate lost it
      String where = !a && !b ? "missing on both sides"
          : !b ? "missing in the candidate" : "missing in the baseline";
      return Outcome.problem(name, "missing", Verdict.FAIL, where,
          new Difference(name, a ? "present" : "absent", b ? "present" : "absent", Double.NaN));
    }
    boolean dirA = Files.isDirectory(baseline);
    boolean dirB = Files.isDirectory(candidate);
    if (dirA != dirB) {
      return Outcome.problem(name, "dir", Verdict.FAIL, "a folder on one side, a file on the other",
          new Difference(name, dirA ? "folder" : "file", dirB ? "folder" : "file", Double.NaN));
    }
    if (dirA) {
      return compareFolders(name, baseline, candidate);
    }
    return compareBytes(name, read(baseline), read(candidate));
  }

  /** Compares two contents with the comparator the rules choose for {@code name}. */
  public Outcome compareBytes(String name, byte[] a, byte[] b) {
    OutputRule rule = ruleFor(name);
    String kind = rule.kind().equals("auto") || rule.kind().equals("dir")
        ? OutputRule.kindFor(name) : rule.kind();
    try {
      if (kind.equals("zip")) {
        return compareZips(name, a, b);
      }
      return comparator(kind, rule.tolerance()).compare(name, a, b);
    } catch (FormatException e) {
      return Outcome.problem(name, kind, Verdict.FAIL, "cannot be compared: " + e.getMessage(),
          null);
    }
  }

  private static FileComparator comparator(String kind, Tolerance tolerance) {
    switch (kind) {
      case "exact": return new ExactComparator();
      case "table": return new TableComparator(tolerance);
      case "nifti": return new VolumeComparator(VolumeComparator.Format.NIFTI, tolerance);
      case "mif": return new VolumeComparator(VolumeComparator.Format.MIF, tolerance);
      case "mgh": return new VolumeComparator(VolumeComparator.Format.MGH, tolerance);
      default: throw new IllegalStateException("no comparator for kind " + kind);
    }
  }

  private Outcome compareFolders(String name, Path a, Path b) {
    Map<String, Path> left = files(a);
    Map<String, Path> right = files(b);
    TreeSet<String> all = new TreeSet<>(left.keySet());
    all.addAll(right.keySet());
    List<Outcome> parts = new ArrayList<>();
    for (String relative : all) {
      String child = name.isEmpty() ? relative : name + "/" + relative;
      if (!right.containsKey(relative)) {
        parts.add(Outcome.problem(child, "missing", Verdict.FAIL, "missing in the candidate",
            new Difference(child, "present", "absent", Double.NaN)));
      } else if (!left.containsKey(relative)) {
        // an extra file may be harmless (a new log) or a sign of a changed pipeline: a person
        // decides, so it does not fail the gate on its own
        parts.add(Outcome.problem(child, "extra", Verdict.INCONCLUSIVE,
            "only in the candidate", new Difference(child, "absent", "present", Double.NaN)));
      } else {
        Outcome part = compareBytes(child, read(left.get(relative)), read(right.get(relative)));
        // the folder's first and largest difference must name the file they are in
        parts.add(new Outcome(child, part.comparator(), part.verdict(), part.summary(),
            part.differing(), inFile(part.first(), child), inFile(part.largest(), child),
            part.parts()));
      }
    }
    return aggregate(name, "dir", "files", parts);
  }

  private Outcome compareZips(String name, byte[] a, byte[] b) {
    Map<String, byte[]> left = entries(a, "baseline " + name);
    Map<String, byte[]> right = entries(b, "candidate " + name);
    TreeSet<String> all = new TreeSet<>(left.keySet());
    all.addAll(right.keySet());
    List<Outcome> parts = new ArrayList<>();
    for (String entry : all) {
      if (!right.containsKey(entry)) {
        parts.add(Outcome.problem(entry, "missing", Verdict.FAIL, "entry missing in the"
            + " candidate", new Difference("entry " + entry, "present", "absent", Double.NaN)));
      } else if (!left.containsKey(entry)) {
        parts.add(Outcome.problem(entry, "extra", Verdict.FAIL, "entry only in the candidate",
            new Difference("entry " + entry, "absent", "present", Double.NaN)));
      } else {
        Outcome part = compareBytes(entry, left.get(entry), right.get(entry));
        parts.add(new Outcome(entry, part.comparator(), part.verdict(), part.summary(),
            part.differing(), within(part.first(), entry), within(part.largest(), entry),
            part.parts()));
      }
    }
    return aggregate(name, "zip", "entries", parts);
  }

  private static Difference inFile(Difference d, String file) {
    return d == null || d.place().startsWith(file) ? d : d.within(file);
  }

  private static Difference within(Difference d, String entry) {
    return d == null || d.place().startsWith("entry ") ? d : d.within("entry " + entry);
  }

  private static Outcome aggregate(String name, String kind, String noun, List<Outcome> parts) {
    Verdict verdict = Verdict.PASS;
    Difference first = null;
    Difference largest = null;
    long differing = 0;
    int bad = 0;
    for (Outcome part : parts) {
      verdict = verdict.worst(part.verdict());
      if (part.verdict() != Verdict.PASS) {
        bad++;
        differing += part.differing();
        if (first == null) {
          first = part.first() != null ? part.first()
              : new Difference(part.name(), "", part.summary(), Double.NaN);
        }
      }
      Difference l = part.largest();
      if (l != null && (largest == null || l.error() > largest.error())) {
        largest = l;
      }
    }
    String summary = verdict == Verdict.PASS
        ? "all " + parts.size() + " " + noun + " same within tolerance"
        : bad + " of " + parts.size() + " " + noun + " differ";
    return new Outcome(name, kind, verdict, summary, differing, first, largest, parts);
  }

  private static Map<String, Path> files(Path root) {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p ->
          files.put(root.relativize(p).toString().replace('\\', '/'), p));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static Map<String, byte[]> entries(byte[] zip, String what) {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (!entry.isDirectory()) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new FormatException(what + " is not a readable zip archive: " + e.getMessage());
    }
    if (entries.isEmpty() && !(zip.length >= 4 && zip[0] == 'P' && zip[1] == 'K')) {
      throw new FormatException(what + " is not a zip archive (no PK signature)");
    }
    return entries;
  }

  private static byte[] read(Path file) {
    try {
      // TODO: files are read whole into memory, which caps one output at 2 GiB; a streaming
      // comparison should replace this for very large volumes. Pipeline outputs seen so far
      // are well below that.
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
