package dev.slimgate.regression.compare;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Compares two decoded volumes: shape, then header fields, then every voxel. */
final class VolumeComparison {

  private final Tolerance tolerance;

  VolumeComparison(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  Outcome compare(String name, String comparator, Volume a, Volume b) {
    if (!Arrays.equals(a.shape(), b.shape())) {
      return Outcome.problem(name, comparator, Verdict.FAIL, "shapes differ",
          new Difference("shape", Volume.shapeText(a.shape()), Volume.shapeText(b.shape()),
              Double.NaN));
    }
    Tally header = new Tally(tolerance);
    compareHeaders(a, b, header);
    Tally data = new Tally(tolerance);
    long n = a.count();
    for (long i = 0; i < n; i++) {
      data.number(a.values().get(i), b.values().get(i), i, a::voxel);
    }
    Verdict verdict = header.verdict().worst(data.verdict());
    Difference first = header.first() != null ? header.first() : data.first();
    Difference largest = data.largest() != null ? data.largest() : header.largest();
    String summary = summary(verdict, n, header, data, largest);
    return new Outcome(name, comparator, verdict, summary,
        header.differing() + data.differing(), first, largest, java.util.List.of());
  }

  private void compareHeaders(Volume a, Volume b, Tally tally) {
    Set<String> keys = new LinkedHashSet<>(a.header().keySet());
    keys.addAll(b.header().keySet());
    for (String key : keys) {
      Object x = a.header().get(key);
      Object y = b.header().get(key);
      String place = "header field " + key;
      if (x instanceof double[] && y instanceof double[]) {
        compareNumbers(place, (double[]) x, (double[]) y, tally);
      } else if (!String.valueOf(text(x)).equals(String.valueOf(text(y)))) {
        tally.other(Verdict.FAIL, new Difference(place, text(x), text(y), Double.NaN));
      }
    }
  }

  private static void compareNumbers(String place, double[] x, double[] y, Tally tally) {
    if (x.length != y.length) {
      tally.other(Verdict.FAIL, new Difference(place, text(x), text(y), Double.NaN));
      return;
    }
    for (int i = 0; i < x.length; i++) {
      int index = i;
      tally.number(x[i], y[i], i, j -> x.length == 1 ? place : place + "[" + index + "]");
    }
  }

  private String summary(Verdict verdict, long n, Tally header, Tally data, Difference largest) {
    StringBuilder text = new StringBuilder();
    if (verdict == Verdict.PASS) {
      text.append("same within tolerance (").append(tolerance.describe()).append(')');
    } else {
      text.append(data.failing()).append(" of ").append(n).append(" voxels beyond tolerance");
      if (data.review() > 0) {
        text.append(", ").append(data.review()).append(" in the review band");
      }
      if (header.differing() > 0) {
        text.append(", ").append(header.differing()).append(" header values differ");
      }
      text.append(" (").append(tolerance.describe()).append(')');
    }
    if (largest != null) {
      text.append("; largest error ").append(Difference.format(largest.error()))
          .append(" at ").append(largest.place());
    }
    return text.toString();
  }

  private static String text(Object value) {
    if (value == null) {
      return "(absent)";
    }
    if (value instanceof double[]) {
      double[] numbers = (double[]) value;
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < numbers.length; i++) {
        text.append(i == 0 ? "" : ",").append(Difference.format(numbers[i]));
      }
      return text.toString();
    }
    return value.toString();
  }
}
