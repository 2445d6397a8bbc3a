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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Phase C: one image split into services, each checked for its own components and budget. */
@DockerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitPhaseTest {

  private static final String BASE = """
      FROM scratch
      COPY busybox /bin/busybox
      RUN ["/bin/busybox", "--install", "-s", "/bin"]
      """;
  private static final String TOOL_A = "RUN mkdir -p /opt/a/bin && head -c 1000000 /dev/zero"
      + " > /opt/a/blob && printf '#!/bin/sh\\necho toola 1.0\\n' > /opt/a/bin/toola"
      + " && chmod 755 /opt/a/bin/toola\n";
  private static final String TOOL_B = "RUN mkdir -p /opt/b/bin && head -c 2000000 /dev/zero"
      + " > /opt/b/blob && printf '#!/bin/sh\\necho toolb 2.0\\n' > /opt/b/bin/toolb"
      + " && chmod 755 /opt/b/bin/toolb\n";
  private static final String DATA_C = "RUN mkdir -p /opt/c && head -c 500000 /dev/zero"
      + " > /opt/c/data\n";
  private static final String PATH = "ENV PATH=/opt/a/bin:/opt/b/bin:/bin\n";

  private Path repo;
  private JsonNode passing;
  private CliRun passingRun;

  @BeforeAll
  void splitRepository(DockerFixture docker, @TempDir Path dir) throws IOException {
    repo = dir;
    Files.copy(Path.of("/bin/busybox"), repo.resolve("busybox"));
    Files.writeString(repo.resolve("Dockerfile"), BASE + TOOL_A + TOOL_B + DATA_C + PATH);
    Files.writeString(repo.resolve("Dockerfile.a"), BASE + TOOL_A + PATH);
    Files.writeString(repo.resolve("Dockerfile.b"), BASE + TOOL_B + PATH);
    Files.writeString(repo.resolve("Dockerfile.c"), BASE + DATA_C + PATH);
    Files.writeString(repo.resolve("plan.yaml"), plan("5MB"));
    Files.writeString(repo.resolve("tight.yaml"), plan("3.5MB"));
    Path out = dir.resolve("out");
    passingRun = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "C", "--out", out.toString());
    passing = new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }

  private static String plan(String budgetB) {
    return """
        version: 1
        image: {name: slimgate-test-split}
        components:
          a: {commands: [{name: toola, expect: "toola 1"}]}
          b: {commands: [{name: toolb, expect: "toolb 2"}]}
          c: {files: [/opt/c/data]}
        phases:
          - id: A
            candidates: [{name: slimgate-test-split, dockerfile: Dockerfile}]
          - id: C
            name: Split
            budget: 12MB
            candidates:
              - {name: slimgate-test-svc-a, dockerfile: Dockerfile.a, components: [a], budget: 4MB}
              - {name: slimgate-test-svc-b, dockerfile: Dockerfile.b, components: [b],
                 budget: %s}
              - {name: slimgate-test-svc-c, dockerfile: Dockerfile.c, components: [c], budget: 4MB}
        """.formatted(budgetB);
  }

  @Test
  void passesWhenEveryServiceHasItsToolsAndFitsItsBudget() {
    assertEquals(0, passingRun.exit(), passingRun.out() + passingRun.err());
  }

  @Test
  void buildsOneImagePerService() {
    List<String> images = new ArrayList<>();
    passing.path("candidates").forEach(c -> images.add(c.path("image").asText()));
    assertEquals(List.of("slimgate-test-svc-a:phase-c", "slimgate-test-svc-b:phase-c",
        "slimgate-test-svc-c:phase-c"), images);
  }

  @Test
  void checksEachServiceForItsOwnComponentsOnly() {
    List<String> checks = new ArrayList<>();
    passing.path("checks").forEach(c -> checks.add(c.path("candidate").asText() + " "
        + c.path("subject").asText()));
    checks.sort(null);
    assertEquals(List.of("slimgate-test-svc-a toola", "slimgate-test-svc-b toolb",
        "slimgate-test-svc-c /opt/c/data"), checks);
  }

  @Test
  void sumsTheServicesAgainstTheBaseline() {
    assertTrue(passingRun.out().contains("-> 3 candidates 9.5 MB"), passingRun.out());
  }

  @Test
  void aServiceOverItsOwnBudgetFailsTheSizeGateByName(DockerFixture docker, @TempDir Path out)
      throws IOException {
    CliRun run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("tight.yaml").toString(),
        "--phase", "C", "--out", out.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("slimgate-test-svc-b weighs"), run.out());
    assertTrue(run.out().contains("over its budget of 3.5 MB"), run.out());
  }
}
