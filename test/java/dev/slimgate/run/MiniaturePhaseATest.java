package dev.slimgate.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Phase A of the miniature image, end to end on the real engine. */
@DockerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniaturePhaseATest {

  static final String PLAN = "test/fixtures/medimproc-mini/plan.yaml";

  private Path out;
  private CliRun run;
  private JsonNode report;

  @BeforeAll
  void runPhaseA(DockerFixture docker, @TempDir Path folder) throws IOException {
    out = folder;
    run = CliRun.of(docker.labels(), "run", "--plan", PLAN, "--phase", "A", "--out",
        out.toString());
    report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void exitsZero() {
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void reportsThePassVerdict() {
    assertEquals("pass", report.path("verdict").asText());
  }

  @Test
  void recordsTheCommitUnderTest() {
    assertTrue(report.path("commit").asText().matches("[0-9a-f]{40}"), report.path("commit")
        .asText());
  }

  @Test
  void printsTheSizeDrop() {
    assertTrue(run.out().contains("size: baseline 40.1 MB -> candidate 30.5 MB"), run.out());
  }

  @Test
  void candidateIsSmallerThanTheBaseline() {
    long baseline = report.path("baseline").path("bytes").asLong();
    long candidate = report.path("candidates").get(0).path("bytes").asLong();
    assertTrue(candidate < baseline, candidate + " vs " + baseline);
  }

  @Test
  void findsTheDuplicateAntsGone() {
    assertEquals("PASS", check("absent", "/home/jovyan/ants").path("status").asText());
  }

  @Test
  void keepsTheBaselinesEnvironment() {
    assertEquals("PASS", check("env", "variables").path("status").asText());
  }

  @Test
  void comparesTheImagesRealEnvironments() {
    // HOME, FREESURFER_HOME, FSLDIR, ANTSPATH, VIRTUAL_ENV, PATH
    assertTrue(check("env", "variables").path("expected").asText()
        .startsWith("the baseline's 6 variables"), check("env", "variables").toString());
  }

  @Test
  void findsTorchvisionGone() {
    assertEquals("PASS", check("python-absent", "torchvision").path("status").asText());
  }

  @Test
  void findsTorchaudioGone() {
    assertEquals("PASS", check("python-absent", "torchaudio").path("status").asText());
  }

  @Test
  void checksEveryToolOfThePlan() {
    // 40 from the plan's components, one for the environment the candidate keeps
    assertEquals(41, report.path("checks").size());
  }

  @Test
  void passesEveryCheck() {
    long failed = 0;
    for (JsonNode c : report.path("checks")) {
      failed += c.path("status").asText().equals("PASS") ? 0 : 1;
    }
    assertEquals(0, failed);
  }

  @Test
  void writesTheMarkdownReport() throws IOException {
    assertTrue(Files.readString(out.resolve("report.md")).contains("phase A (Quick wins) **PASS**"));
  }

  @Test
  void writesJunitXml() throws IOException {
    assertTrue(Files.readString(out.resolve("junit/slimgate-checks.xml"))
        .contains("name=\"command mrconvert\""));
  }

  @Test
  void keepsTheBuildLogs() {
    assertTrue(Files.isRegularFile(out.resolve("logs/build-medimproc-mini-phase-a.log")));
  }

  @Test
  void recordsThePerStepSizes() {
    assertTrue(report.path("baseline").path("layers").size() > 20);
  }

  @Test
  void passesTheLintGateOnTheCandidate() {
    JsonNode lint = null;
    for (JsonNode g : report.path("gates")) {
      lint = g.path("gate").asText().equals("lint") ? g : lint;
    }
    assertEquals("pass", lint == null ? "missing" : lint.path("verdict").asText());
  }

  @Test
  void measuresTheDuplicateAntsSaving() {
    JsonNode ants = report.path("expectedSavings").get(0);
    assertTrue(ants.path("measured").asLong() > 3_000_000L, ants.toString());
  }

  @Test
  void listsTheRemovedTorchvisionPackageWithItsSize() {
    boolean found = false;
    for (JsonNode s : report.path("measuredSavings")) {
      found |= s.path("label").asText().startsWith("package torchvision")
          && s.path("bytes").asLong() > 200_000L;
    }
    assertTrue(found, report.path("measuredSavings").toString());
  }

  private JsonNode check(String kind, String subject) {
    for (JsonNode c : report.path("checks")) {
      if (c.path("kind").asText().equals(kind) && c.path("subject").asText().equals(subject)) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " check of " + subject + " in " + report);
  }
}
