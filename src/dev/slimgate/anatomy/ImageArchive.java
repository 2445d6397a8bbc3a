package dev.slimgate.anatomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Loads an image saved to disk: a {@code docker save} tar in the classic layout (Docker 20.10:
 * {@code manifest.json} and {@code <id>/layer.tar}) or in the OCI layout (Docker 25 and later:
 * {@code index.json} and {@code blobs/sha256/...}), or the same as an unpacked directory. The
 * tar is read with random access, so the manifest is found wherever it sits and cached layers are
 * never opened.
 */
public final class ImageArchive {

  private final LayerCache cache;
  private final Events events;
  private final ObjectMapper json = new ObjectMapper();

  public ImageArchive(LayerCache cache, Events events) {
    this.cache = cache;
    this.events = events;
  }

  public LoadedImage load(Path path) {
    if (!Files.isDirectory(path)) {
      try {
        new TarFile(path).close();
      } catch (IOException e) {
        // indexing stops at the damage without saying where; one sequential pass names the
        // entry and the offset
        return loadSequentially(path);
      }
    }
    try (Blobs blobs = Files.isDirectory(path) ? new DirBlobs(path) : new TarBlobs(path)) {
      return load(blobs, path.toString());
    } catch (IOException e) {
      throw new UsageException("cannot read image archive " + path + ": " + e.getMessage()
          + "; pass a docker save tar, an OCI layout directory or an image name");
    }
  }

  private LoadedImage loadSequentially(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return new SaveStream(cache, events).load(in, path.toString());
    } catch (IOException e) {
      throw new UsageException("cannot read image archive " + path + ": " + e.getMessage());
    }
  }

  private LoadedImage load(Blobs blobs, String name) throws IOException {
    String configName;
    List<String> layerNames = new ArrayList<>();
    if (blobs.exists("manifest.json")) {
      JsonNode m = json.readTree(blobs.read("manifest.json")).path(0);
      configName = m.path("Config").asText();
      for (JsonNode l : m.path("Layers")) {
        layerNames.add(l.asText());
      }
    } else if (blobs.exists("index.json")) {
      JsonNode manifest = ociManifest(blobs, json.readTree(blobs.read("index.json")));
      configName = blobPath(manifest.path("config").path("digest").asText());
      for (JsonNode l : manifest.path("layers")) {
        layerNames.add(blobPath(l.path("digest").asText()));
      }
    } else {
      throw new UsageException(name + " has neither manifest.json nor index.json: it is not a"
          + " docker save archive or an OCI layout");
    }
    ImageConfig config = ImageConfig.parse(blobs.read(configName), name + ":" + configName);
    List<LoadedImage.Layer> layers = new ArrayList<>();
    long read = 0;
    LayerScanner scanner = new LayerScanner();
    for (int i = 0; i < layerNames.size(); i++) {
      String layerName = layerNames.get(i);
      String digest = i < config.diffIds().size() ? config.diffIds().get(i)
          : "sha256:" + layerName.replaceAll("[^a-f0-9]", "");
      Path summary = cache.summary(digest).orElse(null);
      if (summary == null) {
        events.progress("reading layers of " + name, i, layerNames.size());
        Path tmp = cache.temp();
        try (InputStream in = blobs.open(layerName);
            LayerSummaryFile.Writer w = new LayerSummaryFile.Writer(tmp)) {
          read += scanner.scan(in, layerName, w).bytesRead();
        } catch (UsageException damaged) {
          Files.deleteIfExists(tmp);
          throw new UsageException(damaged.getMessage() + blobs.where(layerName, name));
        } catch (RuntimeException | IOException e) {
          Files.deleteIfExists(tmp);
          throw e;
        }
        summary = cache.commit(tmp, digest);
      }
      layers.add(new LoadedImage.Layer(digest, config.createdBy(i), summary));
    }
    events.progress("reading layers of " + name, layerNames.size(), layerNames.size());
    return new LoadedImage(name, layers, read);
  }

  /** Follows an OCI index (possibly nested) to the first image manifest. */
  private JsonNode ociManifest(Blobs blobs, JsonNode index) throws IOException {
    JsonNode node = index;
    for (int depth = 0; depth < 4; depth++) {
      if (node.has("layers")) {
        return node;
      }
      JsonNode first = node.path("manifests").path(0);
      if (first.isMissingNode()) {
        break;
      }
      node = json.readTree(blobs.read(blobPath(first.path("digest").asText())));
    }
    throw new UsageException("the OCI index names no image manifest");
  }

  private static String blobPath(String digest) {
    int colon = digest.indexOf(':');
    return "blobs/" + digest.substring(0, colon) + "/" + digest.substring(colon + 1);
  }

  private interface Blobs extends Closeable {
    boolean exists(String name);

    InputStream open(String name) throws IOException;

    /** Where a blob starts, for error messages. */
    default String where(String name, String archive) {
      return " (in " + archive + ")";
    }

    default byte[] read(String name) throws IOException {
      if (!exists(name)) {
        throw new UsageException("the archive has no " + name + " although its manifest names"
            + " it; the archive is incomplete, export the image again");
      }
      try (InputStream in = open(name)) {
        return in.readAllBytes();
      }
    }
  }

  private static final class DirBlobs implements Blobs {
    private final Path dir;

    DirBlobs(Path dir) {
      this.dir = dir;
    }

    @Override
    public boolean exists(String name) {
      return Files.isRegularFile(dir.resolve(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
      return Files.newInputStream(dir.resolve(name));
    }

    @Override
    public void close() {}
  }

  /** Random access into a tar: headers are indexed once, entries opened by name. */
  private static final class TarBlobs implements Blobs {
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> entries = new HashMap<>();

    TarBlobs(Path file) throws IOException {
      this.tar = new TarFile(file);
      for (TarArchiveEntry e : tar.getEntries()) {
        entries.put(LayerScanner.normalize(e.getName()), e);
      }
    }

    private TarArchiveEntry entry(String name) {
      TarArchiveEntry e = entries.get(LayerScanner.normalize(name));
      for (int hops = 0; e != null && e.isSymbolicLink() && hops < 8; hops++) {
        // docker save writes a layer that appears twice once, and a symlink for the second
        String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        name = LayerScanner.normalize(dir + "/" + e.getLinkName());
        e = name == null ? null : entries.get(name);
      }
      return e;
    }

    @Override
    public boolean exists(String name) {
      TarArchiveEntry e = entry(name);
      return e != null && e.isFile();
    }

    @Override
    public InputStream open(String name) throws IOException {
      TarArchiveEntry e = entry(name);
      if (e == null) {
        throw new UsageException("the archive has no " + name + " although its manifest names"
            + " it; the archive is incomplete, export the image again");
      }
      return tar.getInputStream(e);
    }

    @Override
    public String where(String name, String archive) {
      TarArchiveEntry e = entry(name);
      return e == null ? "" : " (the layer starts at byte " + e.getDataOffset() + " of "
          + archive + ")";
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }
}
