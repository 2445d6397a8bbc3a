package dev.slimgate.anatomy;

import java.nio.file.Path;
import java.util.List;

/**
 * An image whose layers are summarised, in order from the base up.
 *
 * @param layerBytesRead layer bytes read to produce the summaries in this run
 */
public record LoadedImage(String name, List<Layer> layers, long layerBytesRead) {

  /** One layer: its digest (diff id), the instruction that made it, and its summary file. */
  public record Layer(String digest, String createdBy, Path summary) {}
}
