package dev.slimgate.anatomy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people write them: {@code 2.93GB}, {@code 512 MiB}, {@code 1048576}. */
public final class Sizes {

  private static final Pattern SIZE =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B|B)?\\s*", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /** A short decimal rendering, e.g. {@code 2.93 GB}; exact bytes below 1 kB. */
  public static String human(long bytes) {
    long abs = Math.abs(bytes);
    if (abs < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (Math.abs(v) >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }
}
