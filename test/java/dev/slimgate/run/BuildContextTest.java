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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build contexts that cannot be sent, and candidates given on the command line. */
@DockerTest
class BuildContextTest {

  @TempDir
  Path dir;

  private Path repo(String dockerignore) throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.copy(Path.of("/bin/busybox"), repo.resolve("busybox"));
    String dockerfile = "FROM scratch\nCOPY busybox /bin/busybox\n"
        + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n";
    Files.writeString(repo.resolve("Dockerfile"), dockerfile);
    Files.writeString(repo.resolve("Dockerfile.a"), dockerfile);
    Files.writeString(repo.resolve("Dockerfile.b"), dockerfile + "RUN true\n");
    if (dockerignore != null) {
      Files.writeString(repo.resolve(".dockerignore"), dockerignore);
    }
    Files.writeString(repo.resolve("plan.yaml"), """
        version: 1
        image: {name: slimgate-test-context}
        components:
          shell:
            commands: [{name: sh, probe: echo ok, expect: ok}]
        phases:
          - id: A
            candidates: [{name: slimgate-test-context, dockerfile: Dockerfile.a}]
        """);
    return repo;
  }

  @Test
  void aDockerignoreThatExcludesTheDockerfileFailsTheBuildWithAFix(DockerFixture docker)
      throws IOException {
    Path repo = repo("Dockerfile*\n");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "A", "--out", dir.resolve("out").toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("correct the .dockerignore"), run.out());
    assertFalse(run.err().contains("internal error"), run.err());
  }

  @Test
  void aRelativeRepositoryPathLintsTheCandidate(DockerFixture docker) throws IOException {
    Path out = dir.resolve("relative");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", MiniaturePhaseATest.PLAN,
        "--repo", "test/fixtures/medimproc-mini", "--phase", "A", "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(Files.readString(out.resolve("lint/lint.txt")).contains("in 1 file"),
        Files.readString(out.resolve("lint/lint.txt")));
  }

  @Test
  void anotherCandidateDockerfileGetsItsOwnTag(DockerFixture docker) throws IOException {
    Path repo = repo(null);
    Path out = dir.resolve("out2");
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "A", "--out", out.toString(), "--candidate-dockerfile",
        repo.resolve("Dockerfile.b").toString());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals("slimgate-test-context:phase-a-custom",
        report.path("candidates").get(0).path("image").asText(), run.out());
  }
}
