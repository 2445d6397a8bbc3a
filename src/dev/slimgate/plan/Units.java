package dev.slimgate.plan;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the sizes and durations a plan may write, and formats sizes for people. */
public final class Units {

  private static final Pattern SIZE =
      Pattern.compile("(?i)^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)?\\s*$");
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)(ms|s|m|h)");

  private Units() {}

  /**
   * Bytes for {@code 1048576}, {@code 28GB} (decimal, as Docker reports sizes) or {@code 28 GiB}
   * (binary). Throws {@link IllegalArgumentException} with the accepted forms otherwise.
   */
  public static long parseSize(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size; write bytes (1048576), "
          + "decimal units (28GB, 512MB) or binary units (28GiB, 512MiB)");
    }
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long factor = switch (unit) {
      case "B" -> 1L;
      case "KB" -> 1_000L;
      case "MB" -> 1_000_000L;
      case "GB" -> 1_000_000_000L;
      case "TB" -> 1_000_000_000_000L;
      case "KIB" -> 1L << 10;
      case "MIB" -> 1L << 20;
      case "GIB" -> 1L << 30;
      default -> 1L << 40;
    };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
    if ("B".equals(unit) && bytes.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("'" + text + "' has a fraction of a byte; write a whole "
          + "number of bytes or add a unit such as MB");
    }
    return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** Milliseconds for {@code 90s}, {@code 5m}, {@code 12h}, {@code 1h30m} or {@code 500ms}. */
  public static long parseDurationMillis(String text) {
    String t = text.trim();
    Matcher m = DURATION_PART.matcher(t);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      long n = Long.parseLong(m.group(1));
      total += switch (m.group(2)) {
        case "ms" -> n;
        case "s" -> n * 1_000;
        case "m" -> n * 60_000;
        default -> n * 3_600_000;
      };
      end = m.end();
    }
    if (end == 0 || end != t.length()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 90s, 5m, "
          + "12h or 1h30m");
    }
    return total;
  }

  /** A size for people: {@code 28.0 GB}, {@code 512.3 MB}, {@code 17 B}; decimal like Docker. */
  public static String formatSize(long bytes) {
    long abs = Math.abs(bytes);
    String sign = bytes < 0 ? "-" : "";
    if (abs < 1_000) {
      return sign + abs + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = abs;
    int i = -1;
    while (value >= 1_000 && i < units.length - 1) {
      value /= 1_000;
      i++;
    }
    return sign + String.format(Locale.ROOT, "%.1f %s", value, units[i]);
  }
}
