package dev.slimgate.regression.compare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text tables such as connectivity matrices (weights.txt, lengths.txt) and response
 * functions (response_*.txt): rows of numbers separated by white space or commas. Anything
 * after a '#' is a comment and is not compared, because MRtrix writes its command history
 * there. Blank lines are skipped. Tokens that are not numbers must be equal as text.
 */
public final class TableComparator implements FileComparator {

  private final Tolerance tolerance;

  public TableComparator(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  @Override
  public String kind() {
    return "table";
  }

  @Override
  public Outcome compare(String name, byte[] a, byte[] b) {
    List<Row> x = rows(a);
    List<Row> y = rows(b);
    Tally tally = new Tally(tolerance);
    long values = 0;
    for (int r = 0; r < Math.min(x.size(), y.size()); r++) {
      Row p = x.get(r);
      Row q = y.get(r);
      if (p.tokens.length != q.tokens.length) {
        tally.other(Verdict.FAIL, new Difference("row " + (r + 1) + " (line " + p.line
            + ")", p.tokens.length + " columns", q.tokens.length + " columns", Double.NaN));
      }
      for (int c = 0; c < Math.min(p.tokens.length, q.tokens.length); c++) {
        values++;
        String place = "line " + p.line + ", column " + (c + 1);
        Double u = number(p.tokens[c]);
        Double v = number(q.tokens[c]);
        if (u != null && v != null) {
          tally.number(u, v, c, i -> place);
        } else if (!p.tokens[c].equals(q.tokens[c])) {
          tally.other(Verdict.FAIL, new Difference(place, p.tokens[c], q.tokens[c], Double.NaN));
        }
      }
    }
    if (x.size() != y.size()) {
      tally.other(Verdict.FAIL, new Difference("rows", x.size() + " rows", y.size() + " rows",
          Double.NaN));
    }
    String summary;
    if (tally.verdict() == Verdict.PASS) {
      summary = "same within tolerance (" + tolerance.describe() + "), " + values + " values";
    } else {
      summary = tally.differing() + " of " + values + " values or shapes differ ("
          + tolerance.describe() + ")";
    }
    if (tally.largest() != null) {
      summary += "; largest error " + Difference.format(tally.largest().error()) + " at "
          + tally.largest().place();
    }
    return new Outcome(name, kind(), tally.verdict(), summary, tally.differing(), tally.first(),
        tally.largest(), List.of());
  }

  private record Row(int line, String[] tokens) {}

  private static List<Row> rows(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = line.indexOf('#');
      String data = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!data.isEmpty()) {
        rows.add(new Row(i + 1, data.split("[\\s,]+")));
      }
    }
    return rows;
  }

  private static Double number(String token) {
    try {
      return MifReader.parse(token);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
