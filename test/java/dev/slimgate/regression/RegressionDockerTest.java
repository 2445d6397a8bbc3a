package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.slimgate.core.Events;
import dev.slimgate.regression.compare.OutputRule;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.TestImages;
import dev.slimgate.regression.compare.Tolerance;
import dev.slimgate.regression.compare.Verdict;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression gate end to end on the stub pipeline image and its variants. */
@DockerTest
class RegressionDockerTest {

  private static final List<OutputRule> RULES = List.of(
      new OutputRule("**/*.nii", "nifti", new Tolerance(0, 1e-6, 1)),
      new OutputRule("**/*.txt", "table", new Tolerance(1e-9, 1e-6, 10)));

  @TempDir
  static Path scratch;

  private static String baseline;
  private static String far;
  private static String near;
  private static Path inputs;

  @BeforeAll
  static void buildImages(DockerFixture docker) throws IOException {
    baseline = StubImages.build(docker, "baseline", scratch);
    far = StubImages.build(docker, "far", scratch);
    near = StubImages.build(docker, "near", scratch);
    inputs = Files.createDirectories(scratch.resolve("inputs"));
    Files.write(inputs.resolve("t1.nii"), TestImages.nifti1(new int[] {3, 4, 2},
        TestImages.FLOAT32, TestImages.ramp(24, 100), ByteOrder.LITTLE_ENDIAN, "stub"));
  }

  private static RegressionSpec pipeline(Stage... extra) {
    List<Stage> stages = new java.util.ArrayList<>(List.of(
        stage("structural", "pipeline structural", List.of("structural/t1.nii"), null, 60_000),
        stage("connectome", "pipeline connectome", List.of("connectome"), "structural",
            60_000)));
    stages.addAll(List.of(extra));
    return new RegressionSpec(null, null, stages, RULES);
  }

  private static Stage stage(String name, String command, List<String> outputs, String after,
      long timeout) {
    return new Stage(name, command, outputs, after, timeout, 64L << 20, 1, null);
  }

  private static RegressionResult run(DockerFixture docker, RegressionSpec spec, String base,
      String candidate, Path reference, Path record, Path out) {
    RegressionRunner runner = new RegressionRunner(
        new StageRunner(docker.client(), docker.labels(), Events.NONE), Events.NONE);
    return runner.run(spec, new RegressionRequest(base, candidate, reference, record, inputs,
        out));
  }

  private static Outcome output(RegressionResult result, String stage, int index) {
    return result.stages().stream().filter(s -> s.name().equals(stage)).findFirst()
        .orElseThrow().outputs().get(index);
  }

  @Test
  void identicalImagesPass(DockerFixture docker, @TempDir Path out) {
    RegressionResult result = run(docker, pipeline(), baseline, baseline, null, null, out);

    assertEquals(Verdict.PASS, result.verdict(), () -> RegressionReport.markdown(result));
  }

  @Test
  void aVoxelChangedBeyondToleranceFailsNamingTheFileAndTheVoxel(DockerFixture docker,
      @TempDir Path out) {
    RegressionResult result = run(docker, pipeline(), baseline, far, null, null, out);

    Outcome t1 = output(result, "structural", 0);
    assertEquals("structural/t1.nii FAIL voxel (1,2,1)",
        t1.name() + " " + t1.verdict() + " " + t1.first().place());
  }

  @Test
  void aVoxelChangedBeyondToleranceFailsTheGate(DockerFixture docker, @TempDir Path out) {
    RegressionResult result = run(docker, pipeline(), baseline, far, null, null, out);

    assertEquals(Verdict.FAIL, result.verdict());
  }

  @Test
  void aVoxelChangedInsideTolerancePasses(DockerFixture docker, @TempDir Path out) {
    RegressionResult result = run(docker, pipeline(), baseline, near, null, null, out);

    assertEquals(Verdict.PASS, result.verdict(), () -> RegressionReport.markdown(result));
  }

  @Test
  void aVoxelChangedInsideToleranceIsStillSeenAsTheLargestError(DockerFixture docker,
      @TempDir Path out) {
    RegressionResult result = run(docker, pipeline(), baseline, near, null, null, out);

    assertEquals("voxel (2,1,0)", output(result, "structural", 0).largest().place());
  }

  @Test
  void aStageBeyondItsTimeoutIsKilledReportedAndRemoved(DockerFixture docker,
      @TempDir Path out) {
    RegressionSpec spec = new RegressionSpec(null, null,
        List.of(stage("slow", "pipeline slow", List.of(), null, 2_000)), RULES);

    RegressionResult result = run(docker, spec, baseline, baseline, null, null, out);

    StageResult slow = result.stages().get(0);
    assertTrue(slow.problems().get(0).startsWith("baseline timed out after"),
        slow.problems().toString());
    assertThrows(NotFoundException.class, () ->
        docker.client().inspectContainerCmd(slow.baseline().containerId()).exec());
    assertEquals(List.of(), docker.client().listContainersCmd().withShowAll(true)
        .withLabelFilter(java.util.Map.of(StageRunner.STAGE_LABEL, "slow",
            DockerFixture.LABEL, docker.runLabelValue())).exec());
  }

  @Test
  void aFailingCandidateStageFailsWithItsExitCodeAndSkipsTheStagesAfterIt(
      DockerFixture docker, @TempDir Path out) {
    RegressionSpec spec = new RegressionSpec(null, null, List.of(
        stage("broken", "if grep -q far /etc/variant; then pipeline fail; fi", List.of(), null,
            60_000),
        stage("connectome", "pipeline structural && pipeline connectome",
            List.of("connectome/weights.txt"), "broken", 60_000)), RULES);

    RegressionResult result = run(docker, spec, baseline, far, null, null, out);

    assertEquals(List.of("candidate exited 3", "did not run in the candidate: the stage it"
            + " consumes failed"),
        List.of(result.stages().get(0).problems().get(0).replaceAll(" after.*", ""),
            result.stages().get(1).problems().get(0)));
  }

  @Test
  void stageLogsAreCaptured(DockerFixture docker, @TempDir Path out) throws IOException {
    run(docker, pipeline(), baseline, baseline, null, null, out);

    assertEquals("structural: wrote /work/structural/t1.nii (baseline)\n",
        Files.readString(out.resolve("candidate/logs/structural.stdout.log")));
  }

  @Test
  void stagesRunLockedDown(DockerFixture docker, @TempDir Path out) throws IOException {
    RegressionSpec spec = new RegressionSpec(null, null,
        List.of(stage("security", "pipeline security", List.of("security.txt"), null, 60_000)),
        RULES);

    run(docker, spec, baseline, baseline, null, null, out);

    assertEquals(List.of("CapEff:0000000000000000", "NoNewPrivs:1", "net:lo ",
            "rootfs:read-only", "inputs:read-only", "tmp:writable", "memory:67108864",
            "cpu:100000 100000", "workdir:/work"),
        Files.readAllLines(out.resolve("candidate/work/security.txt")));
  }

  @Test
  void aRecordedReferenceReplacesTheBaselineRun(DockerFixture docker, @TempDir Path out)
      throws IOException {
    Path reference = out.resolve("reference");
    RegressionResult recorded = run(docker, pipeline(), baseline, null, null, reference,
        out.resolve("record"));
    assertEquals(Verdict.PASS, recorded.verdict(), () -> RegressionReport.markdown(recorded));

    RegressionResult result = run(docker, pipeline(), null, far, reference, null,
        out.resolve("check"));

    Outcome t1 = output(result, "structural", 0);
    assertEquals("reference FAIL voxel (1,2,1)",
        result.mode() + " " + t1.verdict() + " " + t1.first().place());
  }
}
