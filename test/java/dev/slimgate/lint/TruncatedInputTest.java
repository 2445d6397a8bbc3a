package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every prefix of every corpus and fixture Dockerfile either lints or is rejected with a
 * {@link DockerfileSyntaxException}: the advisor never crashes on half-written input, which is
 * what an editor or a broken commit hands it.
 */
class TruncatedInputTest {

  @Test
  void everyPrefixLintsOrIsRejectedCleanly() throws IOException {
    List<Path> files = new ArrayList<>();
    try (var corpus = Files.list(Path.of("test/fixtures/dockerfiles/corpus"))) {
      corpus.sorted().forEach(files::add);
    }
    files.add(Path.of("test/fixtures/dockerfiles/medimproc-1.3.0.Dockerfile"));
    Linter linter = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE);
    List<String> crashes = new ArrayList<>();

    for (Path file : files) {
      String text = Files.readString(file);
      for (int end = 0; end <= text.length(); end++) {
        try {
          linter.lint(List.of(new LintInput(file.toString(), text.substring(0, end), false)));
        } catch (DockerfileSyntaxException expected) {
          // a clean rejection
        } catch (RuntimeException e) {
          crashes.add(file + " cut at " + end + ": " + e);
        }
      }
    }

    assertEquals(List.of(), crashes.stream().limit(10).toList());
  }
}
