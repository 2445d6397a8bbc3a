package dev.slimgate.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads fixture Dockerfiles the way the CLI does. */
final class FixtureFiles {

  private FixtureFiles() {}

  static LintInput input(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean ignore = Files.exists(dir.resolve(".dockerignore"))
        || Files.exists(dir.resolve(file.getFileName() + ".dockerignore"));
    return new LintInput(file.toString(), Files.readString(file, StandardCharsets.UTF_8), ignore);
  }

  static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }
}
