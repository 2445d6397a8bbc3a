package dev.slimgate.anatomy;

import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Layer summaries and image configs on disk, keyed by digest, so that a layer shared by two images
 * or two runs is read once. Writes go to a temporary file first and are moved into place, so an
 * interrupted run never leaves a half summary behind.
 */
public final class LayerCache {

  private static final Pattern DIGEST = Pattern.compile("[a-zA-Z0-9]+:[a-fA-F0-9]{16,128}");

  private final Path dir;

  public LayerCache(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("cannot create the layer cache directory " + dir + " ("
          + e.getMessage() + "); choose another with --cache DIR");
    }
  }

  public Path dir() {
    return dir;
  }

  /** The summary of a layer if it was read before. */
  public Optional<Path> summary(String digest) {
    Path p = file(digest, ".layer");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** A fresh file for a summary being written; {@link #commit} moves it into place. */
  public Path temp() {
    try {
      return Files.createTempFile(dir, "scan-", ".tmp");
    } catch (IOException e) {
      throw new UsageException("cannot write to the layer cache " + dir + " (" + e.getMessage()
          + "); choose another directory with --cache DIR");
    }
  }

  /** Stores a finished summary under the layer digest and returns where it now is. */
  public Path commit(Path temp, String digest) throws IOException {
    Path target = file(digest, ".layer");
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Like {@link #commit} but keeps the source, for one summary under several digests. */
  public Path copy(Path summary, String digest) throws IOException {
    Path tmp = temp();
    Files.copy(summary, tmp, StandardCopyOption.REPLACE_EXISTING);
    return commit(tmp, digest);
  }

  public Optional<byte[]> config(String imageId) throws IOException {
    Path p = file(imageId, ".config.json");
    return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
  }

  public void putConfig(String imageId, byte[] config) throws IOException {
    Path tmp = temp();
    Files.write(tmp, config);
    Files.move(tmp, file(imageId, ".config.json"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private Path file(String digest, String suffix) {
    if (!DIGEST.matcher(digest).matches()) {
      throw new UsageException("layer digest '" + digest + "' is not of the form"
          + " algorithm:hex; the image manifest or config is damaged");
    }
    return dir.resolve(digest.replace(':', '-') + suffix);
  }
}
