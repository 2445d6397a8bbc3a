package dev.slimgate.run;

import com.github.dockerjava.api.DockerClient;
import dev.slimgate.anatomy.Analysis;
import dev.slimgate.anatomy.ImageArchive;
import dev.slimgate.anatomy.LayerCache;
import dev.slimgate.anatomy.LoadedImage;
import dev.slimgate.anatomy.SaveStream;
import dev.slimgate.anatomy.Stacker;
import dev.slimgate.core.Events;
import dev.slimgate.docker.ImageExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analyses an image from a saved archive or from the engine's export stream, reading only the
 * layers the cache does not hold yet.
 */
public final class ImageAnatomies {

  private final DockerClient docker;
  private final Path cacheDir;
  private final Events events;

  /** @param docker the engine, or null when only archives are read */
  public ImageAnatomies(DockerClient docker, Path cacheDir, Events events) {
    this.docker = docker;
    this.cacheDir = cacheDir;
    this.events = events;
  }

  /** The default cache of layer summaries: ~/.cache/slimgate/layers. */
  public static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "slimgate", "layers");
  }

  /** Analyses {@code image}: a path to an archive or OCI folder, else an image of the engine. */
  public Analysis analyze(String image, Map<String, List<String>> components) {
    LayerCache cache = new LayerCache(cacheDir);
    Path path = Path.of(image);
    LoadedImage loaded;
    if (Files.exists(path)) {
      events.info("reading image archive " + path);
      loaded = new ImageArchive(cache, events).load(path);
    } else {
      loaded = fromEngine(image, cache);
    }
    events.info("stacking " + loaded.layers().size() + " layers of " + image);
    return new Stacker(components).stack(loaded);
  }

  private LoadedImage fromEngine(String image, LayerCache cache) {
    DockerClient client = docker != null ? docker : dev.slimgate.docker.DockerConnection.open();
    ImageExport export = new ImageExport(client);
    ImageExport.Description d = export.describe(image);
    SaveStream stream = new SaveStream(cache, events);
    try {
      Optional<LoadedImage> cached = stream.fromCache(image, d.id(), d.diffIds());
      if (cached.isPresent()) {
        events.info("every layer of " + image + " is cached: nothing to export");
        return cached.get();
      }
      events.info("exporting image " + image + " from the engine (" + d.diffIds().size()
          + " layers)");
      try (InputStream in = export.save(image)) {
        return stream.load(in, image, d.diffIds().size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
