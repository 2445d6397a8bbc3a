package dev.slimgate.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Candidates and plans that must fail, and how they say so. */
@DockerTest
class FailingRunsTest {

  @TempDir
  Path dir;

  @Test
  void brokenCandidateExitsOneAndNamesTheMissingTool(DockerFixture docker) throws IOException {
    Path out = dir.resolve("broken");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", MiniaturePhaseATest.PLAN,
        "--phase", "A", "--out", out.toString(), "--candidate-dockerfile",
        "test/fixtures/medimproc-mini/phases/A/Dockerfile.broken");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("command mrconvert: expected 'mrconvert -version' exits 0"
        + " and prints /3\\.0\\.4/; got mrconvert is not on PATH"), run.out());
  }

  @Test
  void theBaselineAsCandidateFailsTheLintGateOnTheOrphanedAnts(DockerFixture docker)
      throws IOException {
    Path out = dir.resolve("baseline-as-candidate");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", MiniaturePhaseATest.PLAN,
        "--phase", "A", "--out", out.toString(), "--candidate-dockerfile",
        "test/fixtures/medimproc-mini/Dockerfile");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("SG101 install at /home/jovyan/ants is orphaned"), run.out());
  }

  @Test
  void aFailingBuildStepIsShownWithTheTailOfItsOutput(DockerFixture docker) throws IOException {
    Path repo = tinyRepo("""
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "sh", "-c", "echo unpacking freesurfer; echo disk full >&2; exit 3"]
        """, 60);
    Path out = dir.resolve("buildfail");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "A", "--out", out.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    JsonNode failure = new ObjectMapper().readTree(out.resolve("report.json").toFile())
        .path("candidates").get(0).path("failure");
    assertTrue(failure.path("step").asText().startsWith("Step 3/"), failure.toString());
    assertTrue(failure.path("tail").toString().contains("disk full"), failure.toString());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aHangingCheckTimesOutAndTheRunGoesOn(DockerFixture docker) throws IOException {
    Path repo = tinyRepo("""
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        """, 2);
    Path out = dir.resolve("hang");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "A", "--out", out.toString());
    JsonNode checks = new ObjectMapper().readTree(out.resolve("report.json").toFile())
        .path("checks");
    List<String> statuses = List.of(checks.get(0).path("status").asText(),
        checks.get(1).path("status").asText());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(statuses.contains("TIMEOUT") && statuses.contains("PASS"), checks.toString());
    List<?> left = docker.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(docker.labels()).exec();
    assertEquals(List.of(), left);
  }

  /** A repository whose baseline and candidate are the same busybox image. */
  private Path tinyRepo(String candidate, int timeoutSeconds) throws IOException {
    Path repo = Files.createTempDirectory(dir, "repo");
    Files.copy(Path.of("/bin/busybox"), repo.resolve("busybox"));
    Files.writeString(repo.resolve("Dockerfile"), """
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        """);
    Files.writeString(repo.resolve("Dockerfile.a"), candidate);
    Files.writeString(repo.resolve("plan.yaml"), """
        version: 1
        image: {name: slimgate-test-tiny}
        components:
          shell:
            commands:
              - {name: sleep, probe: sleep 30, timeout: %ds}
              - {name: sh, probe: echo hello, expect: hello}
        phases:
          - id: A
            candidates: [{name: slimgate-test-tiny, dockerfile: Dockerfile.a}]
        """.formatted(timeoutSeconds));
    return repo;
  }
}
