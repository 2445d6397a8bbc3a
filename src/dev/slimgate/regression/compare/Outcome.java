package dev.slimgate.regression.compare;

import java.util.List;

/**
 * The result of comparing one output (a file, an archive entry or a folder) of the baseline
 * with the candidate's.
 *
 * @param name the output's path relative to its root, or the entry name inside an archive
 * @param comparator which comparator decided: exact, table, nifti, mif, mgh, zip, dir, or
 *     "missing" / "extra" for files on one side only
 * @param verdict pass, inconclusive or fail
 * @param summary one line for people, e.g. "1 of 64 voxels beyond tolerance"
 * @param differing how many values, bytes or fields were outside tolerance
 * @param first the first difference in reading order, null when there is none
 * @param largest the difference with the largest numeric error, null when none was numeric
 * @param parts the outcomes of the entries of an archive or the files of a folder
 */
public record Outcome(
    String name,
    String comparator,
    Verdict verdict,
    String summary,
    long differing,
    Difference first,
    Difference largest,
    List<Outcome> parts) {

  public Outcome {
    parts = List.copyOf(parts);
  }

  /** The two sides are the same. */
  public static Outcome same(String name, String comparator, String summary) {
    return new Outcome(name, comparator, Verdict.PASS, summary, 0, null, null, List.of());
  }

  /** A difference that is not about numbers: a shape, a missing file, unreadable input. */
  public static Outcome problem(
      String name, String comparator, Verdict verdict, String summary, Difference first) {
    return new Outcome(name, comparator, verdict, summary, 1, first, null, List.of());
  }

  /** This outcome under another name, e.g. with the folder it was found in. */
  public Outcome renamed(String newName) {
    return new Outcome(newName, comparator, verdict, summary, differing, first, largest, parts);
  }

  /** One line for people: name, verdict, summary and the first difference. */
  public String describe() {
    String text = name + ": " + verdict.word() + " (" + comparator + ") " + summary;
    if (first != null) {
      text += "; first difference at " + first.describe();
    }
    if (largest != null && !largest.equals(first) && !summary.contains("largest error")) {
      text += "; largest error " + Difference.format(largest.error()) + " at " + largest.place();
    }
    return text;
  }
}
