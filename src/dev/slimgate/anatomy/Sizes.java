package dev.slimgate.anatomy;

import java.util.Locale;

/** Byte counts for people, as the anatomy reports print them: {@code 2.93 GB}. */
public final class Sizes {

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
