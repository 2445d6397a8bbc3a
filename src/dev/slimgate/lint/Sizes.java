package dev.slimgate.lint;

import java.util.Locale;

/** Human-readable byte counts in decimal units, as the team measures image sizes. */
final class Sizes {

  private Sizes() {}

  static String format(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
  }
}
