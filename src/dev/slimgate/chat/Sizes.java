package dev.slimgate.chat;

import java.util.Locale;

/** Formats byte counts the way the team writes them: decimal units, three significant digits. */
final class Sizes {

  private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

  private Sizes() {}

  static String format(long bytes) {
    if (Math.abs(bytes) < 1000) {
      return bytes + " B";
    }
    double value = Math.abs((double) bytes);
    int unit = -1;
    while (value >= 999.5 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    String pattern = value >= 99.95 ? "%.0f %s" : value >= 9.995 ? "%.1f %s" : "%.2f %s";
    return (bytes < 0 ? "-" : "") + String.format(Locale.ROOT, pattern, value, UNITS[unit]);
  }
}
