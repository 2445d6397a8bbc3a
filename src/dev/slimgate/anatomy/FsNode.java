package dev.slimgate.anatomy;

import java.util.HashMap;

/**
 * One path of the stacked filesystem. Nodes hidden by a later layer stay in the tree, invisible,
 * because the efficiency score needs what each path looked like in every layer. Mutable and
 * package-private: only {@link FileTree} and the stacker change it. Kept small on purpose: a
 * million of them must fit in a few hundred megabytes.
 */
final class FsNode {

  final String name;
  final FsNode parent;

  HashMap<String, FsNode> children;
  EntryType type;
  boolean visible;
  /** False for a hardlink whose content is already counted at another path. */
  boolean counted = true;
  int layer;
  long size;
  /** Content hash of files; tree hash of directories once the tree is finished. */
  long hashHi;
  long hashLo;
  /** Smallest size this path had in any layer, as dive scores efficiency; -1 before any. */
  long effMin = -1;
  String link;
  /** Bytes and files below a directory once the tree is finished. */
  long total;
  long files;

  FsNode(String name, FsNode parent, EntryType type, int layer) {
    this.name = name;
    this.parent = parent;
    this.type = type;
    this.layer = layer;
    this.visible = true;
  }

  boolean isDir() {
    return type == EntryType.DIR;
  }

  FsNode child(String childName) {
    return children == null ? null : children.get(childName);
  }

  FsNode addChild(String childName, EntryType childType, int childLayer) {
    if (children == null) {
      children = new HashMap<>(4);
    }
    FsNode n = new FsNode(childName, this, childType, childLayer);
    children.put(childName, n);
    return n;
  }

  /** Bytes this node contributes to its directory: files, and hardlinks that hold content. */
  long ownBytes() {
    if (type == EntryType.FILE || (type == EntryType.HARDLINK && counted)) {
      return size;
    }
    return 0;
  }

  String path() {
    if (parent == null) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    build(sb);
    return sb.toString();
  }

  private void build(StringBuilder sb) {
    if (parent != null) {
      parent.build(sb);
      sb.append('/').append(name);
    }
  }
}
