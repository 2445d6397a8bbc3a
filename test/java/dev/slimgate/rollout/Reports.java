package dev.slimgate.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writes small report.json files as slimgate run writes them, for the rollout tests. */
public final class Reports {

  private Reports() {}

  /** Writes a report of {@code phase} with {@code verdict} into {@code folder}; returns it. */
  public static Path write(Path folder, String phase, String verdict) {
    return writeText(folder.resolve("report-" + phase + "-" + verdict + ".json"),
        "{\"schema\":\"slimgate.report/1\",\"phase\":\"" + phase + "\",\"verdict\":\"" + verdict
            + "\",\"exitCode\":0,\"baseline\":{\"image\":\"medimproc:baseline\",\"bytes\":100},"
            + "\"candidates\":[],\"reasons\":[],\"warnings\":[]}\n");
  }

  /** Writes {@code text} to {@code file}; returns the file. */
  public static Path writeText(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of the file, computed here independently of the code under test. */
  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
