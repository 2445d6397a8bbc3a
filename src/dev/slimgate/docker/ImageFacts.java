package dev.slimgate.docker;

import java.util.List;

/**
 * What the engine says about a built image.
 *
 * @param bytes the image's size as Docker reports it (uncompressed, all layers)
 * @param layers oldest first, one per Dockerfile step, with the bytes it added
 * @param env the image's environment, NAME=value
 */
public record ImageFacts(String tag, String id, long bytes, List<Layer> layers,
    List<String> env) {

  /** One step of the image history. */
  public record Layer(String createdBy, long bytes) {}
}
