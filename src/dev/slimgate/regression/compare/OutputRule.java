package dev.slimgate.regression.compare;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which comparator, with which tolerance, decides the outputs whose path matches a glob.
 *
 * @param pattern a glob on the path relative to the output root ({@code **} any folders,
 *     {@code *} and {@code ?} within one name); a pattern without '/' matches the file name in
 *     any folder
 * @param kind exact, table, nifti, mif, mgh, zip, dir, or auto (chosen by the file name)
 * @param tolerance numeric tolerance and review band
 */
public record OutputRule(String pattern, String kind, Tolerance tolerance) {

  /** The comparator kinds a plan may name. */
  public static final java.util.List<String> KINDS =
      java.util.List.of("auto", "exact", "table", "nifti", "mif", "mgh", "zip", "dir");

  public OutputRule {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown comparator '" + kind + "', expected one of "
          + KINDS);
    }
  }

  /** Whether this rule applies to {@code path} (forward slashes, relative). */
  public boolean matches(String path) {
    String target = pattern.contains("/") ? path : path.substring(path.lastIndexOf('/') + 1);
    return regex(pattern).matcher(target).matches();
  }

  /** The comparator kind for a file name when the rule says auto. */
  public static String kindFor(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
      return "nifti";
    }
    if (name.endsWith(".mif") || name.endsWith(".mif.gz")) {
      return "mif";
    }
    if (name.endsWith(".mgh") || name.endsWith(".mgz")) {
      return "mgh";
    }
    if (name.endsWith(".zip")) {
      return "zip";
    }
    if (name.endsWith(".txt") || name.endsWith(".csv") || name.endsWith(".tsv")) {
      return "table";
    }
    return "exact";
  }

  static Pattern regex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
        // "**/" may also match no folder at all, so "**/*.txt" matches "weights.txt"
        re.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
