package dev.slimgate.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;

/** Path arithmetic on image paths that may still hold unknown variables such as ${HOME}. */
final class LayerPaths {

  private static final Set<String> GENERIC = Set.of("/", "/usr", "/usr/local", "/usr/share",
      "/usr/lib", "/opt", "/home", "/root", "/tmp", "/var", "/var/tmp", "/etc", "/srv", "/mnt",
      "${HOME}", "/usr/local/bin", "/usr/bin", "/bin", "/lib");

  private LayerPaths() {}

  /** Absolute, with {@code .}, {@code ..}, doubled and trailing slashes removed. */
  static String normalize(String path, String cwd) {
    String p = path;
    if (p.equals("~") || p.startsWith("~/")) {
      p = "${HOME}" + p.substring(1);
    }
    if (!p.startsWith("/") && !p.startsWith("$")) {
      p = cwd + "/" + p;
    }
    Deque<String> parts = new ArrayDeque<>();
    boolean rooted = p.startsWith("/");
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.size() > (rooted ? 0 : 1)) {
          parts.removeLast();
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    return rooted ? "/" + joined : joined;
  }

  /** True when {@code path} is {@code parent} or lies below it. */
  static boolean isUnder(String path, String parent) {
    if (parent.equals("/")) {
      return path.startsWith("/");
    }
    return path.equals(parent) || path.startsWith(parent + "/");
  }

  /** True when one of the two paths contains the other. */
  static boolean overlaps(String a, String b) {
    return isUnder(a, b) || isUnder(b, a);
  }

  /** True for directories that hold many unrelated installs, such as /opt or ${HOME}. */
  static boolean isGeneric(String path, String home) {
    return GENERIC.contains(path) || path.equals(home);
  }

  /** The shortest prefix of {@code path} that is not a generic directory. */
  static String firstSpecific(String path, String home) {
    if (!path.startsWith("/") && !path.startsWith("$")) {
      return path;
    }
    String[] parts = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      if (prefix.length() > 0 || path.startsWith("/")) {
        prefix.append('/');
      }
      prefix.append(parts[i]);
      if (!isGeneric(prefix.toString(), home)) {
        return prefix.toString();
      }
    }
    return path;
  }

  /** The last path component. */
  static String basename(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /** Whether a shell glob such as {@code /tmp/*.tar.gz} matches a path. */
  static boolean globMatches(String glob, String path) {
    if (!hasGlob(glob)) {
      return isUnder(path, glob);
    }
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append("[^/]*");
        case '?' -> regex.append("[^/]");
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex + "(/.*)?").matcher(path).matches();
  }

  static boolean hasGlob(String path) {
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
  }
}
