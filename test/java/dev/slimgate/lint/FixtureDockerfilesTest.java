package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture Dockerfile yields exactly the findings (rule id, first line) listed in the
 * lint-expected file beside it: {@code X.lint-expected.txt} next to {@code X.Dockerfile} (or
 * next to any other file named X, such as {@code Dockerfile.broken}), or {@code lint-expected.txt}
 * next to a file named {@code Dockerfile}. To cover another fixture, add its path to
 * {@link #dockerfiles()}.
 */
class FixtureDockerfilesTest {

  static Stream<String> dockerfiles() {
    return Stream.of(
        "test/fixtures/dockerfiles/medimproc-1.3.0.Dockerfile",
        "test/fixtures/dockerfiles/medimproc-1.3.0-phase-a.Dockerfile",
        "test/fixtures/medimproc-mini/Dockerfile",
        "test/fixtures/medimproc-mini/phases/A/Dockerfile",
        "test/fixtures/medimproc-mini/phases/A/Dockerfile.broken",
        "test/fixtures/medimproc-debian/Dockerfile",
        "test/fixtures/medimproc-debian/phases/A/Dockerfile",
        "test/fixtures/medimproc-debian/phases/A/Dockerfile.broken");
  }

  @ParameterizedTest
  @MethodSource("dockerfiles")
  void reportsExactlyTheExpectedFindings(String dockerfile) throws IOException {
    Path file = Path.of(dockerfile);
    LintReport report = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE)
        .lint(List.of(FixtureFiles.input(file)));

    List<String> actual = report.active().stream()
        .map(f -> f.ruleId() + " " + f.span().startLine()).sorted().toList();

    assertEquals(expected(file), actual, () -> String.join("\n",
        report.active().stream().map(f -> f.span().startLine() + " " + f.ruleId() + " "
            + f.message()).toList()));
  }

  @Test
  void phaseACandidateKeepsItsOneJustifiedSuppression() throws IOException {
    LintReport report = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE)
        .lint(List.of(FixtureFiles.input(Path.of(
            "test/fixtures/dockerfiles/medimproc-1.3.0-phase-a.Dockerfile"))));

    assertEquals(List.of("SG111 33 pruning FSL is phase B: it needs ldd evidence for every"
            + " binary kept"),
        report.findings().stream().map(f -> f.ruleId() + " " + f.span().startLine() + " "
            + f.suppression().orElse("")).toList());
  }

  /**
   * The miniature's phase A leaves only what the team's phase A left (FSL whole with its package
   * cache, Synb0-DISCO's .git), each suppressed with its reason; its errors are all gone.
   */
  @Test
  void miniaturePhaseAKeepsOnlyItsJustifiedPhaseBSuppressions() throws IOException {
    LintReport report = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE)
        .lint(List.of(FixtureFiles.input(Path.of(
            "test/fixtures/medimproc-mini/phases/A/Dockerfile"))));

    assertEquals(List.of("SG105 33 phase B", "SG109 66 phase B", "SG111 33 phase B"),
        report.findings().stream().map(f -> f.ruleId() + " " + f.span().startLine() + " "
            + (f.suppression().orElse("").contains("phase B") ? "phase B" : "no reason"))
            .sorted().toList());
  }

  /** The miniature's plan has no lint section: linting with it finds what the defaults find. */
  @Test
  void miniaturePlanLintsTheBaselineLikeTheDefaults() throws IOException {
    Path plan = Path.of("test/fixtures/medimproc-mini/plan.yaml");
    LintSettings settings = new LintSettingsYaml().read(plan.toString(),
        Files.readString(plan, StandardCharsets.UTF_8));
    Path dockerfile = Path.of("test/fixtures/medimproc-mini/Dockerfile");
    LintReport report = new Linter(settings, ImageMeasurements.NONE)
        .lint(List.of(FixtureFiles.input(dockerfile)));

    assertEquals(expected(dockerfile), report.active().stream()
        .map(f -> f.ruleId() + " " + f.span().startLine()).sorted().toList());
  }

  private static List<String> expected(Path dockerfile) throws IOException {
    String name = dockerfile.getFileName().toString();
    Path expected = name.equals("Dockerfile")
        ? dockerfile.resolveSibling("lint-expected.txt")
        : dockerfile.resolveSibling(name.replaceFirst("\\.Dockerfile$", "")
            + ".lint-expected.txt");
    List<String> pairs = new ArrayList<>();
    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 2 && !line.strip().startsWith("#")) {
        pairs.add(words[0] + " " + words[1]);
      }
    }
    return pairs.stream().sorted().toList();
  }
}
