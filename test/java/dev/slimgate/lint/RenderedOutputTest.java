package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rendered reports of the medimproc 1.3.0 baseline against golden files, SARIF against the
 * official 2.1.0 schema, and the GitLab code-quality fields. Regenerate the golden files with
 * {@code -Dslimgate.updateGolden=true} and review the diff.
 */
class RenderedOutputTest {

  private static final Path BASELINE = Path.of(
      "test/fixtures/dockerfiles/medimproc-1.3.0.Dockerfile");
  private static final Path GOLDEN = Path.of("test/fixtures/dockerfiles/golden");
  private static final Set<String> GITLAB_SEVERITIES =
      Set.of("info", "minor", "major", "critical", "blocker");

  /** A few measured sizes so that the bytes at stake show in the outputs. */
  private static final ImageMeasurements SIZES = new ImageMeasurements() {
    @Override
    public OptionalLong pathBytes(String path) {
      return switch (path) {
        case "/home/jovyan/ants" -> OptionalLong.of(17_500_000L);
        case "/var/lib/apt/lists" -> OptionalLong.of(45_200_000L);
        case "/home/jovyan/Synb0-DISCO/.git" -> OptionalLong.of(400_000_000L);
        default -> OptionalLong.empty();
      };
    }

    @Override
    public OptionalLong packageBytes(String manager, String name) {
      return name.equals("torchvision") ? OptionalLong.of(24_000_000L) : OptionalLong.empty();
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("HOME", "/home/jovyan");
    }
  };

  private static LintReport baseline() throws IOException {
    return new Linter(LintSettings.medimproc(), SIZES).lint(List.of(FixtureFiles.input(
        BASELINE)));
  }

  @ParameterizedTest
  @EnumSource(LintFormat.class)
  void matchesTheGoldenFile(LintFormat format) throws IOException {
    String rendered = format.render(baseline());
    Path golden = GOLDEN.resolve("medimproc-1.3.0." + format.name().toLowerCase() + ".golden");
    if (Boolean.getBoolean("slimgate.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, rendered, StandardCharsets.UTF_8);
    }

    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered);
  }

  @Test
  void sarifValidatesAgainstTheOfficialSchema() throws IOException {
    String sarif = LintFormat.SARIF.render(baseline());

    List<Error> errors = sarifSchema().validate(sarif, InputFormat.JSON);

    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void sarifWithSuppressedFindingsValidates() throws IOException {
    LintReport report = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE).lint(List.of(
        FixtureFiles.input(Path.of(
            "test/fixtures/dockerfiles/medimproc-1.3.0-phase-a.Dockerfile"))));
    String sarif = LintFormat.SARIF.render(report);

    List<Error> errors = sarifSchema().validate(sarif, InputFormat.JSON);

    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void schemaRejectsAnInvalidLevelSoTheValidationIsReal() throws IOException {
    String sarif = LintFormat.SARIF.render(baseline()).replace("\"level\" : \"error\"",
        "\"level\" : \"fatal\"");

    assertFalse(sarifSchema().validate(sarif, InputFormat.JSON).isEmpty());
  }

  @Test
  void gitlabIssuesHaveTheDocumentedFields() throws IOException {
    JsonNode issues = new ObjectMapper().readTree(LintFormat.GITLAB.render(baseline()));
    List<String> problems = new ArrayList<>();

    for (JsonNode issue : issues) {
      for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
        if (!issue.path(field).isTextual() || issue.path(field).asText().isEmpty()) {
          problems.add(field + " missing in " + issue);
        }
      }
      if (!GITLAB_SEVERITIES.contains(issue.path("severity").asText())) {
        problems.add("bad severity in " + issue);
      }
      if (!issue.path("location").path("path").isTextual()
          || issue.path("location").path("lines").path("begin").asInt() < 1) {
        problems.add("bad location in " + issue);
      }
    }

    assertEquals(List.of(), problems);
  }

  @Test
  void gitlabFingerprintsAreUnique() throws IOException {
    JsonNode issues = new ObjectMapper().readTree(LintFormat.GITLAB.render(baseline()));
    Set<String> fingerprints = new HashSet<>();
    issues.forEach(i -> fingerprints.add(i.path("fingerprint").asText()));

    assertEquals(issues.size(), fingerprints.size());
  }

  @Test
  void fingerprintsAreStableAcrossRuns() throws IOException {
    assertEquals(LintFormat.GITLAB.render(baseline()), LintFormat.GITLAB.render(baseline()));
  }

  @Test
  void fingerprintsSurviveLinesInsertedAboveTheFinding() throws IOException {
    LintInput original = FixtureFiles.input(BASELINE);
    LintInput shifted = new LintInput(original.path(), "# a new comment\n\n" + original.text(),
        false);
    Linter linter = new Linter(LintSettings.medimproc(), ImageMeasurements.NONE);

    List<String> before = linter.lint(List.of(original)).findings().stream()
        .map(Finding::fingerprint).toList();
    List<String> after = linter.lint(List.of(shifted)).findings().stream()
        .map(Finding::fingerprint).toList();

    assertEquals(before, after);
  }

  @Test
  void textLinesStartWithFileLineAndRuleId() throws IOException {
    String first = LintFormat.TEXT.render(baseline()).lines().findFirst().orElseThrow();

    assertTrue(first.startsWith(BASELINE + ":26: SG111 "), first);
  }

  private static Schema sarifSchema() throws IOException {
    try (InputStream in = RenderedOutputTest.class.getResourceAsStream(
        "/schemas/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }
}
