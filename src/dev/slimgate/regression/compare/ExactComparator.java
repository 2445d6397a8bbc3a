package dev.slimgate.regression.compare;

/** Byte for byte: the first differing byte and the sizes. */
public final class ExactComparator implements FileComparator {

  @Override
  public String kind() {
    return "exact";
  }

  @Override
  public Outcome compare(String name, byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int at = java.util.Arrays.mismatch(a, b);
    if (at < 0) {
      return Outcome.same(name, kind(), "same bytes (" + a.length + ")");
    }
    if (at >= n) {
      return Outcome.problem(name, kind(), Verdict.FAIL, "sizes differ",
          new Difference("size", a.length + " bytes", b.length + " bytes", Double.NaN));
    }
    long count = 0;
    for (int i = at; i < n; i++) {
      if (a[i] != b[i]) {
        count++;
      }
    }
    count += Math.abs(a.length - b.length);
    String summary = count + " bytes differ" + (a.length != b.length
        ? " (sizes " + a.length + " and " + b.length + ")" : "");
    return new Outcome(name, kind(), Verdict.FAIL, summary, count,
        new Difference("byte " + at, hex(a[at]), hex(b[at]), Double.NaN), null,
        java.util.List.of());
  }

  private static String hex(byte value) {
    return String.format("0x%02x", value & 0xff);
  }
}
