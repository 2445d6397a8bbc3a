package dev.slimgate.anatomy;

import com.github.luben.zstd.ZstdInputStream;
import dev.slimgate.core.UsageException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads one layer tar (plain, gzip or zstd) in a single pass and writes its summary: every entry
 * with its size and the SHA-256 of its content, whiteouts decoded, unsafe entries reported. Nothing
 * is extracted.
 */
public final class LayerScanner {

  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final PackageParsers parsers = new PackageParsers();
  private final MessageDigest sha;
  private final byte[] buffer = new byte[1 << 16];

  public LayerScanner() {
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** What reading a layer cost. */
  public record Scan(long entries, long storedBytes, long bytesRead) {}

  /**
   * Scans {@code raw} to its end.
   *
   * @param layer the layer's name in its archive, used in findings and errors
   * @throws UsageException when the layer is corrupt or truncated, naming layer and offset
   */
  public Scan scan(InputStream raw, String layer, LayerSummaryFile.Writer out)
      throws IOException {
    CountingInputStream counted = new CountingInputStream(raw);
    List<Finding> findings = new ArrayList<>();
    List<FoundPackage> packages = new ArrayList<>();
    long stored = 0;
    String current = "(start of layer)";
    try {
      TarArchiveInputStream tar = new TarArchiveInputStream(decompress(counted));
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        current = e.getName();
        LayerEntry entry = entry(e, tar, layer, findings, packages);
        if (entry != null) {
          out.entry(entry);
          if (entry.type() == EntryType.FILE) {
            stored += entry.size();
          }
        }
      }
      // a layer shorter than its tar claims, or cut between entries, must not pass unnoticed
      while (counted.read(buffer) >= 0) {
        // drain the padding after the end-of-archive blocks
      }
    } catch (IOException | RuntimeException ex) {
      throw new UsageException("layer " + layer + " is corrupt or truncated: reading failed at"
          + " byte " + counted.count() + " of the layer (entry " + current + "): " + message(ex)
          + "; export the image again (docker save) or check the archive with tar -tvf");
    }
    out.finish(findings, packages, counted.count());
    return new Scan(out.entries(), stored, counted.count());
  }

  private LayerEntry entry(TarArchiveEntry e, InputStream tar, String layer,
      List<Finding> findings, List<FoundPackage> packages) throws IOException {
    String name = e.getName();
    if (name.startsWith("/")) {
      findings.add(new Finding(layer, name, "absolute-path",
          "entry name starts with '/'; read as relative to the image root"));
    }
    String path = normalize(name);
    if (path != null && ("/" + name + "/").contains("/../")) {
      findings.add(new Finding(layer, name, "parent-path",
          "entry name contains '..'; read as " + path));
    }
    if (path == null) {
      findings.add(new Finding(layer, name, "parent-path",
          "entry name climbs out of the root with '..'; ignored"));
      return null;
    }
    if (path.isEmpty()) {
      return null;
    }
    int slash = path.lastIndexOf('/');
    String base = path.substring(slash + 1);
    String dir = slash < 0 ? "" : path.substring(0, slash);
    int mode = e.getMode();
    int uid = (int) e.getLongUserId();
    int gid = (int) e.getLongGroupId();
    if (base.equals(OPAQUE)) {
      return new LayerEntry(EntryType.OPAQUE, dir, 0, mode, uid, gid, 0, 0, null);
    }
    if (base.startsWith(WHITEOUT)) {
      if (base.startsWith(WHITEOUT + WHITEOUT)) {
        // aufs-internal bookkeeping such as .wh..wh.plnk: not part of the image
        return null;
      }
      String hidden = (dir.isEmpty() ? "" : dir + "/") + base.substring(WHITEOUT.length());
      return new LayerEntry(EntryType.WHITEOUT, hidden, 0, mode, uid, gid, 0, 0, null);
    }
    if (e.isDirectory()) {
      return new LayerEntry(EntryType.DIR, path, 0, mode, uid, gid, 0, 0, null);
    }
    if (e.isSymbolicLink()) {
      String target = e.getLinkName();
      if (escapes(dir, target)) {
        findings.add(new Finding(layer, path, "link-outside-root",
            "symlink to " + target + " points above the image root"));
      }
      return new LayerEntry(EntryType.SYMLINK, path, 0, mode, uid, gid, 0, 0, target);
    }
    if (e.isLink()) {
      String target = normalize(e.getLinkName());
      if (target == null || target.isEmpty()) {
        findings.add(new Finding(layer, path, "link-outside-root",
            "hardlink to " + e.getLinkName() + " points outside the image root; ignored"));
        return null;
      }
      return new LayerEntry(EntryType.HARDLINK, path, 0, mode, uid, gid, 0, 0, target);
    }
    if (e.isCharacterDevice() || e.isBlockDevice()) {
      findings.add(new Finding(layer, path, "device-node", (e.isBlockDevice() ? "block" : "char")
          + " device " + e.getDevMajor() + ":" + e.getDevMinor()));
      return new LayerEntry(EntryType.DEVICE, path, 0, mode, uid, gid, 0, 0, null);
    }
    if (!e.isFile()) {
      return new LayerEntry(EntryType.OTHER, path, 0, mode, uid, gid, 0, 0, null);
    }
    long size = e.getSize();
    boolean capture = PackageParsers.wanted(path);
    if (capture && size > PackageParsers.MAX_CAPTURE) {
      findings.add(new Finding(layer, path, "metadata-too-large",
          "package metadata of " + size + " bytes not parsed"));
      capture = false;
    }
    ByteArrayOutputStream captured = capture ? new ByteArrayOutputStream((int) size) : null;
    sha.reset();
    int n;
    while ((n = tar.read(buffer)) > 0) {
      sha.update(buffer, 0, n);
      if (captured != null) {
        captured.write(buffer, 0, n);
      }
    }
    ByteBuffer digest = ByteBuffer.wrap(sha.digest());
    if (captured != null) {
      try {
        packages.addAll(parsers.parse(path, captured.toByteArray()));
      } catch (IOException | RuntimeException bad) {
        findings.add(new Finding(layer, path, "metadata-unreadable", message(bad)));
      }
    }
    return new LayerEntry(EntryType.FILE, path, size, mode, uid, gid, digest.getLong(),
        digest.getLong(), null);
  }

  /** Detects gzip and zstd by their magic numbers; anything else is read as a plain tar. */
  static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
    b.mark(4);
    byte[] magic = b.readNBytes(4);
    b.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return new BufferedInputStream(new ZstdInputStream(b), 1 << 16);
    }
    return b;
  }

  /**
   * The path relative to the root without leading {@code ./} or {@code /} and without a trailing
   * slash; null when {@code ..} climbs above the root.
   */
  static String normalize(String name) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : name.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }

  /** True when a relative symlink target climbs above the root from {@code dir}. */
  static boolean escapes(String dir, String target) {
    if (target.startsWith("/")) {
      // absolute targets resolve inside the container's own root
      return false;
    }
    return normalize(dir.isEmpty() ? target : dir + "/" + target) == null;
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
