package dev.slimgate.anatomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The final filesystem of an image, with sizes and content hashes, as {@link ImageDiff} walks
 * it. Read-only to callers.
 */
public final class FileTree {

  private final FsNode root;

  FileTree(FsNode root) {
    this.root = root;
  }

  FsNode root() {
    return root;
  }

  /** The visible node at an absolute or relative path, or null. */
  FsNode find(String path) {
    FsNode n = root;
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      n = n.child(part);
      if (n == null || !n.visible) {
        return null;
      }
    }
    return n;
  }

  /** Bytes under a path (a file's own size), or -1 when the path is absent. */
  public long bytes(String path) {
    FsNode n = find(path);
    if (n == null) {
      return -1;
    }
    return n.isDir() ? n.total : n.ownBytes();
  }

  /** Files under a path, or -1 when the path is absent. */
  public long files(String path) {
    FsNode n = find(path);
    if (n == null) {
      return -1;
    }
    return n.isDir() ? n.files : 1;
  }

  public long totalBytes() {
    return root.total;
  }

  static List<FsNode> visibleChildren(FsNode dir) {
    List<FsNode> out = new ArrayList<>();
    if (dir.children != null) {
      for (FsNode c : dir.children.values()) {
        if (c.visible) {
          out.add(c);
        }
      }
    }
    out.sort(Comparator.comparing(c -> c.name));
    return out;
  }
}
