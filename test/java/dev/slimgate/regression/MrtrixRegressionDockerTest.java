package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slimgate.core.Events;
import dev.slimgate.regression.compare.OutputRule;
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
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-software image: MRtrix3 commands on a small synthetic diffusion data set, baseline
 * against the phase A candidate. Phase A changes only packaging, so the outputs must match.
 */
@DockerTest
class MrtrixRegressionDockerTest {

  private static final int NX = 10;
  private static final int NY = 10;
  private static final int NZ = 6;
  /** One b=0 volume and six b=1000 directions. */
  private static final double[][] GRAD = {
      {0, 0, 1, 0}, {1, 0, 0, 1000}, {0, 1, 0, 1000}, {0, 0, 1, 1000},
      {0.7071, 0.7071, 0, 1000}, {0.7071, 0, 0.7071, 1000}, {0, 0.7071, 0.7071, 1000}};

  static final RegressionSpec PIPELINE = new RegressionSpec(null, null, List.of(
      stage("convert", "mkdir -p prep && mrconvert /in/dwi.nii -grad /in/grad.b prep/dwi.mif"
          + " -quiet && mrinfo prep/dwi.mif -export_grad_mrtrix prep/grad.txt -quiet",
          List.of("prep/dwi.mif", "prep/grad.txt"), null),
      stage("denoise", "dwidenoise prep/dwi.mif prep/denoised.mif.gz -noise prep/noise.nii.gz"
          + " -nthreads 0 -quiet", List.of("prep/denoised.mif.gz", "prep/noise.nii.gz"),
          "convert"),
      stage("degibbs", "mrdegibbs prep/denoised.mif.gz prep/degibbs.nii -nthreads 0 -quiet",
          List.of("prep/degibbs.nii"), "denoise"),
      stage("summary", "mrmath prep/degibbs.nii mean prep/mean.mgz -axis 3 -quiet"
          + " && mrinfo prep/degibbs.nii -size -spacing -datatype > prep/info.txt",
          List.of("prep/mean.mgz", "prep/info.txt"), "degibbs")),
      List.of(new OutputRule("**/*.txt", "table", new Tolerance(1e-9, 1e-6, 10)),
          new OutputRule("**", "auto", new Tolerance(1e-6, 1e-5, 10))));

  @TempDir
  static Path scratch;

  private static String baseline;
  private static String phaseA;
  private static String broken;
  private static Path inputs;

  @BeforeAll
  static void setUp(DockerFixture docker) throws Exception {
    MedimprocImages.assumePresent();
    MedimprocImages.baseImage();
    baseline = MedimprocImages.build(docker, "medimproc-baseline", "Dockerfile", scratch);
    phaseA = MedimprocImages.build(docker, "medimproc-phase-a", "phases/A/Dockerfile", scratch);
    broken = MedimprocImages.build(docker, "medimproc-phase-a-broken",
        "phases/A/Dockerfile.broken", scratch);
    inputs = Files.createDirectories(scratch.resolve("inputs"));
    writeInputs(inputs);
  }

  private static Stage stage(String name, String command, List<String> outputs, String after) {
    return new Stage(name, command, outputs, after, 300_000, 1L << 30, 1, null);
  }

  /**
   * A 10x10x6 volume of 7 diffusion-weighted images: a sphere of anisotropic "tissue" in noise,
   * S = S0 exp(-b D(g)) plus Gaussian noise from a fixed seed, so every run writes the same bytes.
   */
  static void writeInputs(Path dir) throws IOException {
    Random random = new Random(20261204L);
    int n = NX * NY * NZ;
    double[] values = new double[n * GRAD.length];
    for (int v = 0; v < GRAD.length; v++) {
      for (int z = 0; z < NZ; z++) {
        for (int y = 0; y < NY; y++) {
          for (int x = 0; x < NX; x++) {
            double r = Math.hypot(Math.hypot(x - 4.5, y - 4.5), (z - 2.5) * 1.5);
            double s0 = r < 4 ? 1000 : 50;
            // fibres along x: fast diffusion along x, slow across
            double g2 = GRAD[v][0] * GRAD[v][0];
            double d = r < 4 ? 1.7e-3 * g2 + 0.3e-3 * (1 - g2) : 3e-3;
            double s = s0 * Math.exp(-GRAD[v][3] * d) + 20 * random.nextGaussian();
            values[v * n + z * NX * NY + y * NX + x] = Math.abs(s);
          }
        }
      }
    }
    Files.write(dir.resolve("dwi.nii"), TestImages.nifti1(new int[] {NX, NY, NZ, GRAD.length},
        TestImages.FLOAT32, values, ByteOrder.LITTLE_ENDIAN, "synthetic dwi"));
    StringBuilder grad = new StringBuilder();
    for (double[] g : GRAD) {
      grad.append(String.format(Locale.ROOT, "%s %s %s %s%n", g[0], g[1], g[2], g[3]));
    }
    Files.writeString(dir.resolve("grad.b"), grad);
  }

  private static RegressionResult run(DockerFixture docker, String candidate, Path out) {
    return new RegressionRunner(new StageRunner(docker.client(), docker.labels(), Events.NONE),
        Events.NONE).run(PIPELINE,
        new RegressionRequest(baseline, candidate, null, null, inputs, out));
  }

  @Test
  void thePhaseACandidatePassesItsRegressionAgainstTheBaseline(DockerFixture docker,
      @TempDir Path out) {
    RegressionResult result = run(docker, phaseA, out);

    assertEquals(Verdict.PASS, result.verdict(), () -> RegressionReport.markdown(result));
  }

  @Test
  void aCandidateThatLostALibraryFailsAtTheStageThatNeedsIt(DockerFixture docker,
      @TempDir Path out) {
    // the broken candidate deletes libfftw3, which mrdegibbs loads
    RegressionResult result = run(docker, broken, out);

    assertEquals(List.of("pass", "pass", "fail", "fail"), result.stages().stream()
        .map(s -> s.verdict().word()).toList(), () -> RegressionReport.markdown(result));
  }

  @Test
  void theStageAfterTheBrokenOneIsReportedAsNotRun(DockerFixture docker, @TempDir Path out) {
    RegressionResult result = run(docker, broken, out);

    assertEquals(List.of("did not run in the candidate: the stage it consumes failed"),
        result.stages().get(3).problems());
  }

  @Test
  void everyOutputIsReadByItsFormatsComparator(DockerFixture docker, @TempDir Path out) {
    RegressionResult result = run(docker, phaseA, out);

    assertEquals(List.of("mif", "table", "mif", "nifti", "nifti", "mgh", "table"),
        result.stages().stream().flatMap(s -> s.outputs().stream())
            .map(o -> o.comparator()).toList(), () -> RegressionReport.markdown(result));
  }

  @Test
  void realMrtrixOutputsAreDecodedVoxelByVoxel(DockerFixture docker, @TempDir Path out) {
    run(docker, phaseA, out);
    Path work = out.resolve("baseline/work/prep");

    // denoising changes most voxels but keeps the shape: a decoded comparison, not a hash
    dev.slimgate.regression.compare.Outcome outcome =
        new dev.slimgate.regression.compare.Comparators(List.of()).compareBytes("dwi.mif",
            read(work.resolve("dwi.mif")), read(work.resolve("denoised.mif.gz")));

    assertEquals("fail 4200", outcome.verdict().word() + " " + outcome.summary()
        .replaceAll("^\\d+ of (\\d+) voxels.*", "$1"), outcome.describe());
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
