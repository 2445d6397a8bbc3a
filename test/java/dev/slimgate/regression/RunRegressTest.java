package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.cli.Main;
import dev.slimgate.regression.compare.TestImages;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slimgate run --regress}: the regression gate decided inside a phase run. */
@DockerTest
class RunRegressTest {

  private static final Path STUB = Paths.get("test/fixtures/regression/stub");

  @TempDir
  static Path repo;

  @BeforeAll
  static void imageRepository() throws IOException {
    String dockerfile = Files.readString(STUB.resolve("Dockerfile"));
    Files.writeString(repo.resolve("Dockerfile"), dockerfile);
    Files.writeString(repo.resolve("Dockerfile.far"),
        dockerfile.replace("ARG VARIANT=baseline", "ARG VARIANT=far"));
    Files.copy(STUB.resolve("pipeline.sh"), repo.resolve("pipeline.sh"));
    Files.copy(Paths.get("/bin/busybox"), repo.resolve("busybox"));
    Files.createDirectories(repo.resolve("inputs"));
    Files.write(repo.resolve("inputs/t1.nii"), TestImages.nifti1(new int[] {3, 4, 2},
        TestImages.FLOAT32, TestImages.ramp(24, 100), ByteOrder.LITTLE_ENDIAN, "stub"));
    String plan = """
        version: 1
        image: {name: slimgate-test-regress, dockerfile: Dockerfile, context: .}
        phases:
          - {id: A, name: Quick wins, gates: [regression],
             candidates: [{name: slimgate-test-regress, dockerfile: CANDIDATE}]}
        regression:
          inputs: inputs
          stages:
            - {name: structural, command: pipeline structural, outputs: [structural/t1.nii],
               timeout: 1m}
          compare:
            - {pattern: "**/*.nii", with: nifti, rel: 1e-6}
        """;
    Files.writeString(repo.resolve("same.yaml"), plan.replace("CANDIDATE", "Dockerfile"));
    Files.writeString(repo.resolve("far.yaml"), plan.replace("CANDIDATE", "Dockerfile.far"));
  }

  private int run(DockerFixture docker, String plan, Path out, StringWriter text,
      String... more) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--plan",
        repo.resolve(plan).toString(), "--phase", "A", "--out", out.toString(), "--regress",
        "--label", DockerFixture.LABEL + "=" + docker.runLabelValue()));
    args.addAll(java.util.List.of(more));
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void aLaterWarningKeepsTheRegressionSectionOfTheReport(DockerFixture docker,
      @TempDir Path out) throws IOException {
    StringWriter text = new StringWriter();
    // the image repository is no Git checkout: publishing fails, which is only a warning
    run(docker, "same.yaml", out, text, "--publish");
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Warnings") && md.contains("## Regression"), md);
  }

  @Test
  void anIdenticalCandidatePassesTheRegressionGate(DockerFixture docker, @TempDir Path out)
      throws IOException {
    StringWriter text = new StringWriter();
    assertEquals(0, run(docker, "same.yaml", out, text), text.toString());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals("regression pass", report.at("/gates/1/gate").asText() + " "
        + report.at("/gates/1/verdict").asText());
  }

  @Test
  void aChangedVoxelFailsTheRunAndTheReportNamesIt(DockerFixture docker, @TempDir Path out)
      throws IOException {
    StringWriter text = new StringWriter();
    assertEquals(1, run(docker, "far.yaml", out, text), text.toString());
    assertTrue(Files.readString(out.resolve("report.md")).contains("voxel (1,2,1)"),
        Files.readString(out.resolve("report.md")));
  }
}
