package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.cli.RegressCommand;
import dev.slimgate.regression.compare.TestImages;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slimgate regress} on the stub pipeline, through its command line. */
@DockerTest
class RegressCommandDockerTest {

  private static final String PLAN = CompareCommandTest.PLAN + String.join("\n",
      "regression:",
      "  inputs: inputs",
      "  reference: reference",
      "  stages:",
      "    - name: structural",
      "      command: pipeline structural",
      "      outputs: [structural/t1.nii]",
      "      timeout: 1m",
      "      memory: 64MiB",
      "      cpus: 1",
      "    - name: connectome",
      "      command: pipeline connectome",
      "      outputs: [connectome]",
      "      after: structural",
      "  compare:",
      "    - pattern: \"**/*.nii\"",
      "      with: nifti",
      "      rel: 1e-6",
      "");

  @TempDir
  static Path repo;

  private static String baseline;
  private static String far;
  private static String label;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void setUp(DockerFixture docker) throws IOException {
    baseline = StubImages.build(docker, "baseline", repo);
    far = StubImages.build(docker, "far", repo);
    label = DockerFixture.LABEL + "=" + docker.runLabelValue();
    Files.createDirectories(repo.resolve("inputs"));
    Files.write(repo.resolve("inputs/t1.nii"), TestImages.nifti1(new int[] {3, 4, 2},
        TestImages.FLOAT32, TestImages.ramp(24, 100), ByteOrder.LITTLE_ENDIAN, "stub"));
    Files.writeString(repo.resolve("plan.yaml"), PLAN);
  }

  private int regress(String... args) {
    CommandLine cli = new CommandLine(new RegressCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aFailingCandidateExitsOneNamingTheVoxelAndWritesTheReports(@TempDir Path dir)
      throws IOException {
    int code = regress("--plan", repo.resolve("plan.yaml").toString(), "--baseline", baseline,
        "--candidate", far, "--out", dir.toString(), "--label", label);

    assertEquals(1, code, err.toString());
    assertTrue(out.toString().contains("structural/t1.nii: fail (nifti)"), out.toString());
    assertEquals("voxel (1,2,1)", new ObjectMapper().readTree(dir.resolve("regression.json")
        .toFile()).at("/stages/0/outputs/0/first/place").asText());
  }

  @Test
  void theReferenceOfThePlanIsUsedWithoutABaseline(@TempDir Path dir) {
    int recorded = regress("--plan", repo.resolve("plan.yaml").toString(), "--baseline",
        baseline, "--record-reference", repo.resolve("reference").toString(), "--out",
        dir.resolve("record").toString(), "--label", label);
    assertEquals(0, recorded, err.toString());

    int code = regress("--plan", repo.resolve("plan.yaml").toString(), "--candidate", baseline,
        "--out", dir.resolve("check").toString(), "--label", label);

    assertEquals(0, code, err.toString() + out);
  }

  @Test
  void anUnknownImageIsReportedAsAFailedStage(@TempDir Path dir) {
    int code = regress("--plan", repo.resolve("plan.yaml").toString(), "--baseline", baseline,
        "--candidate", "slimgate-test/no-such-image:none", "--out", dir.toString(),
        "--label", label);

    assertEquals(1, code);
    assertTrue(out.toString().contains("image slimgate-test/no-such-image:none not found"),
        out.toString());
  }

  @Test
  void withoutCandidateOrRecordingItIsAUsageError(@TempDir Path dir) {
    int code = regress("--plan", repo.resolve("plan.yaml").toString(), "--baseline", baseline,
        "--out", dir.toString());

    assertEquals(2, code);
  }
}
