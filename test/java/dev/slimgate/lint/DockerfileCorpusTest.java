package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tricky but valid Dockerfiles parse and lint without error. */
class DockerfileCorpusTest {

  private static final Path CORPUS = Path.of("test/fixtures/dockerfiles/corpus");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(p -> p.toString().endsWith(".Dockerfile")).sorted().toList().stream();
    }
  }

  @Test
  void corpusHoldsAtLeastThirtyFiles() throws IOException {
    assertTrue(corpus().count() >= 30, "corpus size");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void parsesWithoutError(Path file) throws IOException {
    String text = Files.readString(file);

    Dockerfile parsed = assertDoesNotThrow(() -> new DockerfileParser().parse(file.toString(),
        text));

    assertFalse(parsed.instructions().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void lintsWithoutError(Path file) throws IOException {
    LintInput input = FixtureFiles.input(file);

    assertDoesNotThrow(() -> new Linter(LintSettings.medimproc(), ImageMeasurements.NONE)
        .lint(List.of(input)));
  }
}
