package dev.slimgate.anatomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads package inventories from the metadata files package managers leave in an image. Each
 * parser works on the bytes of one file, captured while its layer streams past.
 */
final class PackageParsers {

  /** Metadata files larger than this are reported instead of parsed. */
  static final long MAX_CAPTURE = 64L << 20;

  private final ObjectMapper json = new ObjectMapper();

  /** True when the path is a metadata file one of the parsers reads. */
  static boolean wanted(String path) {
    return path.equals("var/lib/dpkg/status")
        || path.endsWith(".dist-info/RECORD")
        || path.endsWith(".egg-info/PKG-INFO")
        || (path.contains("conda-meta/") && path.endsWith(".json")
            && path.indexOf('/', path.lastIndexOf("conda-meta/") + 11) < 0);
  }

  List<FoundPackage> parse(String path, byte[] content) throws IOException {
    if (path.equals("var/lib/dpkg/status")) {
      return dpkg(path, new String(content, StandardCharsets.UTF_8)).stream()
          .map(FoundPackage::of).toList();
    }
    if (path.endsWith(".dist-info/RECORD")) {
      return List.of(record(path, new String(content, StandardCharsets.UTF_8)));
    }
    if (path.endsWith(".egg-info/PKG-INFO")) {
      return List.of(FoundPackage.of(eggInfo(path, new String(content, StandardCharsets.UTF_8))));
    }
    return List.of(FoundPackage.of(conda(path, content)));
  }

  /** dpkg status: installed stanzas and their Installed-Size, which dpkg counts in KiB. */
  static List<PackageRecord> dpkg(String source, String text) {
    List<PackageRecord> out = new ArrayList<>();
    for (String stanza : text.split("\n\n")) {
      String name = null;
      String version = "";
      String arch = null;
      long kib = 0;
      boolean installed = false;
      for (String line : stanza.split("\n")) {
        if (line.startsWith("Package: ")) {
          name = line.substring(9).trim();
        } else if (line.startsWith("Version: ")) {
          version = line.substring(9).trim();
        } else if (line.startsWith("Architecture: ")) {
          arch = line.substring(14).trim();
        } else if (line.startsWith("Installed-Size: ")) {
          kib = parseLong(line.substring(16).trim());
        } else if (line.startsWith("Status: ")) {
          installed = line.trim().endsWith(" installed");
        }
      }
      if (name != null && installed) {
        String full = arch == null || arch.equals("all") || arch.equals("amd64") ? name
            : name + ":" + arch;
        out.add(new PackageRecord("dpkg", full, version, kib * 1024, source));
      }
    }
    return out;
  }

  /**
   * A wheel's RECORD: {@code path,hash,size} lines. The size column is kept as a fallback; the
   * stacker measures the listed files in the final filesystem, because sizes can be missing
   * and files can be deleted after installation.
   */
  static FoundPackage record(String source, String text) {
    String[] nv = nameVersion(source, ".dist-info/RECORD");
    long bytes = 0;
    StringBuilder files = new StringBuilder();
    for (String line : text.split("\n")) {
      int comma = line.lastIndexOf(',');
      int first = line.indexOf(',');
      if (comma >= 0 && first > 0) {
        bytes += parseLong(line.substring(comma + 1).trim());
        files.append(line, 0, first).append('\n');
      }
    }
    String dist = source.substring(0, source.length() - "/RECORD".length());
    String site = dist.substring(0, Math.max(0, dist.lastIndexOf('/')));
    return new FoundPackage(new PackageRecord("python", nv[0], nv[1], bytes, source), site,
        files.toString());
  }

  /**
   * An egg-info has no sizes; the stacker fills in the bytes of the package's directory later
   * ({@code -1} marks that).
   */
  static PackageRecord eggInfo(String source, String text) {
    String[] nv = nameVersion(source, ".egg-info/PKG-INFO");
    for (String line : text.split("\n")) {
      if (line.startsWith("Name: ")) {
        nv[0] = line.substring(6).trim();
      } else if (line.startsWith("Version: ")) {
        nv[1] = line.substring(9).trim();
      }
    }
    return new PackageRecord("python", nv[0], nv[1], -1, source);
  }

  /** conda-meta JSON: the sizes of its {@code paths_data} entries, else its archive size. */
  PackageRecord conda(String source, byte[] content) throws IOException {
    JsonNode root = json.readTree(content);
    long bytes = 0;
    JsonNode paths = root.path("paths_data").path("paths");
    if (paths.isArray() && paths.size() > 0) {
      for (JsonNode p : paths) {
        bytes += p.path("size_in_bytes").asLong(0);
      }
    } else {
      bytes = root.path("size").asLong(0);
    }
    return new PackageRecord("conda", root.path("name").asText(""),
        root.path("version").asText(""), bytes, source);
  }

  private static String[] nameVersion(String source, String suffix) {
    String dir = source.substring(0, source.length() - suffix.length());
    dir = dir.substring(dir.lastIndexOf('/') + 1);
    int dash = dir.indexOf('-');
    if (dash < 0) {
      return new String[] {dir, ""};
    }
    String version = dir.substring(dash + 1);
    int py = version.indexOf("-py");
    return new String[] {dir.substring(0, dash), py < 0 ? version : version.substring(0, py)};
  }

  private static long parseLong(String s) {
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
