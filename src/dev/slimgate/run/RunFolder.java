package dev.slimgate.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder of one run. Every file is written whole or not at all (temporary file, then
 * rename), so a stopped run never leaves a half-written report behind.
 */
public final class RunFolder {

  private final Path root;

  public RunFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /** Writes {@code text} to {@code relative} atomically. */
  public Path write(String relative, String text) {
    Path target = root.resolve(relative);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".slimgate-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
