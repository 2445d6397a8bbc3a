package dev.slimgate.anatomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Loads an image from a {@code docker save} stream read once from start to end, as the engine
 * sends it. The engine writes the layers before {@code manifest.json}, so each layer is summarised
 * under its name in the archive and the order is resolved when the manifest arrives at the end.
 *
 * <p>TODO: what is missing: when only some layers are cached, the stream still carries and this
 * class still scans every layer; it should skip the content of layers already cached. Not done
 * because a layer's diff id is known only from the manifest and config at the end of the stream,
 * and the engine API (1.41) exports whole images only. Hashing each layer tar while it streams
 * would identify it, but costs a second hash pass over every byte.
 */
public final class SaveStream {

  /** JSON files of the archive (manifest, config, OCI index) are small; larger is a layer. */
  private static final long MAX_JSON = 64L << 20;

  /** Chunks of 1 MiB read ahead of the analysis. */
  private static final int READ_AHEAD_CHUNKS = 32;

  private final LayerCache cache;
  private final Events events;

  public SaveStream(LayerCache cache, Events events) {
    this.cache = cache;
    this.events = events;
  }

  /**
   * Reads the whole stream. {@code name} is used in messages and in the result.
   *
   * @throws UsageException when the stream is cut or damaged, naming the entry and offset
   */
  public LoadedImage load(InputStream stream, String name) {
    return load(stream, name, 0);
  }

  /** Like {@link #load(InputStream, String)}, counting progress against {@code layers}. */
  public LoadedImage load(InputStream stream, String name, int layers) {
    Map<String, Path> scanned = new HashMap<>();
    Map<String, String> aliases = new HashMap<>();
    Map<String, byte[]> small = new HashMap<>();
    // the tar reader asks for 512-byte records: reading ahead in 1 MiB chunks spares one small
    // read per record through the engine's HTTP stream, and keeps the export running meanwhile
    ReadAheadInputStream ahead = new ReadAheadInputStream(stream, 1 << 20, READ_AHEAD_CHUNKS);
    CountingInputStream counted = new CountingInputStream(ahead);
    long read = 0;
    String current = "(start of archive)";
    try {
      TarArchiveInputStream tar = new TarArchiveInputStream(counted);
      LayerScanner scanner = new LayerScanner();
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String entryName = LayerScanner.normalize(e.getName());
        current = entryName;
        if (e.isSymbolicLink()) {
          String dir = entryName.contains("/")
              ? entryName.substring(0, entryName.lastIndexOf('/')) : "";
          aliases.put(entryName, LayerScanner.normalize(dir + "/" + e.getLinkName()));
        } else if (e.isFile()) {
          BufferedInputStream in = new BufferedInputStream(tar, 1 << 16);
          in.mark(1);
          int first = in.read();
          in.reset();
          boolean layer = entryName.endsWith("layer.tar")
              || (entryName.startsWith("blobs/") && (first != '{' || e.getSize() > MAX_JSON));
          if (layer) {
            events.progress("reading layer of " + name, scanned.size() + 1, layers);
            Path tmp = cache.temp();
            long start = counted.count();
            try (LayerSummaryFile.Writer w = new LayerSummaryFile.Writer(tmp)) {
              read += scanner.scan(in, entryName, w).bytesRead();
            } catch (UsageException damaged) {
              throw new UsageException(damaged.getMessage() + " (the layer starts near byte "
                  + start + " of the archive " + name + ")");
            } finally {
              scanned.put(entryName, tmp);
            }
          } else if (e.getSize() <= MAX_JSON) {
            small.put(entryName, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      ahead.close();
      deleteAll(scanned);
      throw new UsageException("the image stream of " + name + " is corrupt or truncated:"
          + " reading failed at byte " + counted.count() + " (entry " + current + "): "
          + e.getMessage() + "; check that the engine can export it with docker save");
    } catch (RuntimeException e) {
      ahead.close();
      deleteAll(scanned);
      throw e;
    }
    ahead.close();
    try {
      return resolve(name, scanned, aliases, small, read);
    } catch (IOException e) {
      throw new UsageException("cannot store layer summaries in " + cache.dir() + ": "
          + e.getMessage() + "; choose another directory with --cache DIR");
    } finally {
      deleteAll(scanned);
    }
  }

  private LoadedImage resolve(String name, Map<String, Path> scanned,
      Map<String, String> aliases, Map<String, byte[]> small, long read) throws IOException {
    ObjectMapper json = new ObjectMapper();
    String configName;
    List<String> layerNames = new ArrayList<>();
    if (small.containsKey("manifest.json")) {
      JsonNode m = json.readTree(small.get("manifest.json")).path(0);
      configName = m.path("Config").asText();
      for (JsonNode l : m.path("Layers")) {
        layerNames.add(LayerScanner.normalize(l.asText()));
      }
    } else {
      throw new UsageException("the image stream of " + name + " ended without manifest.json;"
          + " the export was cut short, try again");
    }
    byte[] configBytes = small.get(LayerScanner.normalize(configName));
    if (configBytes == null) {
      throw new UsageException("the image stream of " + name + " has no config " + configName);
    }
    ImageConfig config = ImageConfig.parse(configBytes, name + ":" + configName);
    cache.putConfig("sha256:" + sha256(configBytes), configBytes);
    List<LoadedImage.Layer> layers = new ArrayList<>();
    for (int i = 0; i < layerNames.size(); i++) {
      String layerName = layerNames.get(i);
      String resolved = aliases.getOrDefault(layerName, layerName);
      Path tmp = scanned.get(resolved);
      if (tmp == null) {
        throw new UsageException("the image stream of " + name + " names layer " + layerName
            + " in its manifest but does not contain it");
      }
      if (i >= config.diffIds().size()) {
        throw new UsageException("the image stream of " + name + " lists more layers in its"
            + " manifest than its config has diff ids; the export is damaged, try again");
      }
      String digest = config.diffIds().get(i);
      Optional<Path> known = cache.summary(digest);
      // a layer that occurs twice is one scan under one digest: move it the first time only
      Path summary = known.isPresent() && !Files.exists(tmp) ? known.get()
          : cache.commit(tmp, digest);
      layers.add(new LoadedImage.Layer(digest, config.createdBy(i), summary));
    }
    return new LoadedImage(name, layers, read);
  }

  /**
   * An image the engine describes by its config digest and layer diff ids, rebuilt from the
   * cache without exporting anything; empty when a summary or the config is missing.
   */
  public Optional<LoadedImage> fromCache(String name, String imageId,
      List<String> diffIds) throws IOException {
    Optional<byte[]> configBytes = cache.config(imageId);
    if (configBytes.isEmpty()) {
      return Optional.empty();
    }
    ImageConfig config = ImageConfig.parse(configBytes.get(), name);
    List<LoadedImage.Layer> layers = new ArrayList<>();
    for (int i = 0; i < diffIds.size(); i++) {
      Optional<Path> s = cache.summary(diffIds.get(i));
      if (s.isEmpty()) {
        return Optional.empty();
      }
      layers.add(new LoadedImage.Layer(diffIds.get(i), config.createdBy(i), s.get()));
    }
    return Optional.of(new LoadedImage(name, layers, 0));
  }

  private static String sha256(byte[] b) {
    try {
      StringBuilder sb = new StringBuilder();
      for (byte x : MessageDigest.getInstance("SHA-256").digest(b)) {
        sb.append(String.format("%02x", x));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void deleteAll(Map<String, Path> files) {
    for (Path p : files.values()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover temporary file in the cache is harmless
      }
    }
  }
}
