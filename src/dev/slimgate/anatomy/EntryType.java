package dev.slimgate.anatomy;

/** What one tar entry of a layer does to the filesystem. */
public enum EntryType {
  FILE,
  DIR,
  SYMLINK,
  /** A tar hardlink: shares the content of an earlier entry of the same layer. */
  HARDLINK,
  /** A {@code .wh.NAME} entry: NAME and everything below it disappear. */
  WHITEOUT,
  /** A {@code .wh..wh..opq} entry: the directory's earlier children disappear. */
  OPAQUE,
  /** A block or character device node. */
  DEVICE,
  /** A fifo or anything else without content. */
  OTHER;

  static EntryType of(int code) {
    return values()[code];
  }
}
