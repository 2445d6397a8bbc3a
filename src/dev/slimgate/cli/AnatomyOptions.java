package dev.slimgate.cli;

import dev.slimgate.run.ImageAnatomies;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options analyze and diff share: where the report goes and the layer cache. */
final class AnatomyOptions {

  @Option(names = "--output", paramLabel = "FILE",
      description = "write the report here instead of standard output")
  Path output;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "layer summary cache (default: ~/.cache/slimgate/layers)")
  Path cache;

  Path cacheDir() {
    return cache != null ? cache : ImageAnatomies.defaultCache();
  }
}
