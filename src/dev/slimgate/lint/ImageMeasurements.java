package dev.slimgate.lint;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Sizes measured in a built image, supplied by the caller (the image anatomy) so that findings can
 * state the bytes at stake. Every method may answer "unknown".
 */
public interface ImageMeasurements {

  /** Measures nothing. */
  ImageMeasurements NONE = path -> OptionalLong.empty();

  /**
   * Bytes of the file or tree at an absolute image path. For paths a later layer deleted, an
   * implementation that sees layers may answer the bytes still shipped in the lower layer.
   */
  OptionalLong pathBytes(String path);

  /** Bytes an installed package takes, by manager ("apt", "pip", "conda", "apk", "yum"). */
  default OptionalLong packageBytes(String manager, String name) {
    return OptionalLong.empty();
  }

  /**
   * The image's environment (its config Env), used to resolve variables the Dockerfile does not
   * set, such as HOME, before paths are measured.
   */
  default Map<String, String> environment() {
    return Map.of();
  }
}
