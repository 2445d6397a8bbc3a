package dev.slimgate.anatomy;

/**
 * One entry of a layer as the stacker needs it, without content. {@code path} is relative to the
 * root without a leading slash; for whiteouts it names the hidden path, for opaque markers the
 * directory. {@code hashHi}/{@code hashLo} are the first 128 bits of the SHA-256 of the content
 * of regular files.
 */
public record LayerEntry(
    EntryType type,
    String path,
    long size,
    int mode,
    int uid,
    int gid,
    long hashHi,
    long hashLo,
    String link) {

  /** True when both entries hold the same bytes. */
  public boolean sameContent(long otherHi, long otherLo, long otherSize) {
    return hashHi == otherHi && hashLo == otherLo && size == otherSize;
  }
}
