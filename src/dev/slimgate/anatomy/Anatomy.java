package dev.slimgate.anatomy;

import java.util.List;

/**
 * Where the bytes of an image are. Sizes are bytes of file content (what {@code du
 * --apparent-size} counts); a hardlinked file counts once.
 *
 * @param storedBytes file bytes in all layers together
 * @param finalBytes file bytes visible in the final filesystem
 * @param wastedBytes bytes stored in layers but invisible in the final filesystem
 * @param efficiency dive's score: for every path, the smallest size it had in any layer, summed,
 *     divided by the sum of all sizes it had in all layers (1.0 when nothing was stored)
 * @param tree the biggest directories, depth first, three levels deep
 * @param duplicateFileBytes bytes that identical files at other paths repeat, over all groups
 * @param layerBytesRead layer bytes actually read in this run (0 when every layer was cached)
 */
public record Anatomy(
    String image,
    long storedBytes,
    long finalBytes,
    long finalFiles,
    long wastedBytes,
    double efficiency,
    List<LayerStats> layers,
    List<DirSize> tree,
    List<FileSize> largestFiles,
    List<Duplicate> duplicateTrees,
    List<Duplicate> duplicateFiles,
    long duplicateFileBytes,
    List<ComponentSize> components,
    List<PackageRecord> packages,
    List<Finding> findings,
    long layerBytesRead) {

  /**
   * What one layer did.
   *
   * @param addedBytes file bytes at paths no earlier layer had visible
   * @param replacingBytes file bytes at paths that hide earlier content
   * @param hiddenBytes earlier bytes the replacing files make invisible
   * @param deletedBytes earlier bytes removed by whiteouts and opaque directories
   * @param metadataOnlyBytes replacing bytes whose content equals what they hide (a chmod, chown
   *     or hardlink that copied a file up unchanged)
   */
  public record LayerStats(
      int index,
      String digest,
      String createdBy,
      long entries,
      long storedBytes,
      long addedBytes,
      long replacingBytes,
      long hiddenBytes,
      long deletedBytes,
      long metadataOnlyBytes,
      long metadataOnlyFiles) {}

  /** A directory of the final filesystem; {@code depth} 0 is the root. */
  public record DirSize(String path, int depth, long bytes, long files) {}

  public record FileSize(String path, long bytes, int layer) {}

  /**
   * Identical content at several paths.
   *
   * @param bytes bytes of one copy
   * @param files files in one copy (1 for a file)
   * @param wastedBytes what all copies but one cost
   */
  public record Duplicate(List<String> paths, long bytes, long files, long wastedBytes) {}

  /** Bytes of a plan component; {@code missing} lists its paths absent from the image. */
  public record ComponentSize(String name, long bytes, long files, List<String> missing) {}
}
