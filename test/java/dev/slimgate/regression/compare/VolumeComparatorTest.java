package dev.slimgate.regression.compare;

import static dev.slimgate.regression.compare.TestImages.FLOAT32;
import static dev.slimgate.regression.compare.TestImages.gzip;
import static dev.slimgate.regression.compare.TestImages.mgh;
import static dev.slimgate.regression.compare.TestImages.mif;
import static dev.slimgate.regression.compare.TestImages.nifti1;
import static dev.slimgate.regression.compare.TestImages.nifti2;
import static dev.slimgate.regression.compare.TestImages.ramp;
import static dev.slimgate.regression.compare.TestImages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VolumeComparatorTest {

  private static final int[] DIMS = {3, 4, 2};
  private static final Tolerance TOL = new Tolerance(1e-6, 1e-4, 10);
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

  private final VolumeComparator nifti =
      new VolumeComparator(VolumeComparator.Format.NIFTI, TOL);
  private final VolumeComparator mghs = new VolumeComparator(VolumeComparator.Format.MGH, TOL);
  private final VolumeComparator mifs = new VolumeComparator(VolumeComparator.Format.MIF, TOL);

  /** Each NIfTI version, datatype and byte order, writing a ramp of 24 voxels. */
  interface Writer {
    byte[] write(double[] values, String descrip);
  }

  static Stream<Arguments> niftiVariants() {
    Stream.Builder<Arguments> all = Stream.builder();
    int[] types = {TestImages.UINT8, TestImages.INT16, TestImages.INT32, FLOAT32,
        TestImages.FLOAT64};
    for (int type : types) {
      for (ByteOrder order : new ByteOrder[] {LE, BE}) {
        String name = "type " + type + " " + order;
        all.add(Arguments.of("NIfTI-1 " + name,
            (Writer) (v, d) -> nifti1(DIMS, type, v, order, d)));
        all.add(Arguments.of("NIfTI-2 " + name,
            (Writer) (v, d) -> nifti2(DIMS, type, v, order, d)));
        all.add(Arguments.of("gzip NIfTI-1 " + name,
            (Writer) (v, d) -> gzip(nifti1(DIMS, type, v, order, d))));
      }
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("niftiVariants")
  void identicalNiftiImagesPass(String name, Writer writer) {
    Outcome outcome = nifti.compare("t1.nii", writer.write(ramp(24, 10), "a"),
        writer.write(ramp(24, 10), "a"));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("niftiVariants")
  void oneNiftiVoxelBeyondToleranceFailsNamingTheVoxel(String name, Writer writer) {
    // linear index 19 = 1 + 3*2 + 12*1: voxel (1,2,1)
    Outcome outcome = nifti.compare("t1.nii", writer.write(ramp(24, 10), "a"),
        writer.write(with(ramp(24, 10), 19, 100), "a"));

    assertEquals(Verdict.FAIL, outcome.verdict());
    assertEquals("voxel (1,2,1)", outcome.first().place());
  }

  @Test
  void aDifferentDescriptionIsIgnored() {
    Outcome outcome = nifti.compare("t1.nii",
        nifti1(DIMS, FLOAT32, ramp(24, 10), LE, "FSL 6.0.7 2026-01-01"),
        nifti1(DIMS, FLOAT32, ramp(24, 10), LE, "MRtrix 3.0.4 2026-12-04"));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void littleAndBigEndianImagesWithTheSameValuesPass() {
    Outcome outcome = nifti.compare("t1.nii", nifti1(DIMS, FLOAT32, ramp(24, 10), LE, ""),
        nifti1(DIMS, FLOAT32, ramp(24, 10), BE, ""));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void niftiOneAndTwoWithTheSameContentPass() {
    Outcome outcome = nifti.compare("t1.nii", nifti1(DIMS, FLOAT32, ramp(24, 10), LE, ""),
        nifti2(DIMS, FLOAT32, ramp(24, 10), BE, ""));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void aChangeInsideToleranceIsReportedAsTheLargestErrorButPasses() {
    double[] b = with(ramp(24, 10), 5, 15 + 1e-4);

    Outcome outcome = nifti.compare("t1.nii", nifti1(DIMS, TestImages.FLOAT64, ramp(24, 10),
        LE, ""), nifti1(DIMS, TestImages.FLOAT64, b, LE, ""));

    assertEquals(Verdict.PASS, outcome.verdict());
    assertEquals("voxel (2,1,0)", outcome.largest().place());
  }

  @Test
  void aChangeInTheReviewBandIsInconclusive() {
    // allowed: 1e-6 + 1e-4 * 15 = 0.0015; review up to 0.015
    double[] b = with(ramp(24, 10), 5, 15.005);

    Outcome outcome = nifti.compare("t1.nii", nifti1(DIMS, TestImages.FLOAT64, ramp(24, 10),
        LE, ""), nifti1(DIMS, TestImages.FLOAT64, b, LE, ""));

    assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
  }

  @Test
  void aHeaderOnlyDifferenceFailsNamingTheField() {
    byte[] a = nifti1(DIMS, FLOAT32, ramp(24, 10), LE, "");
    byte[] b = nifti1(DIMS, FLOAT32, ramp(24, 10), LE, "");
    java.nio.ByteBuffer.wrap(b).order(LE).putFloat(84, 2.5f);

    Outcome outcome = nifti.compare("t1.nii", a, b);

    assertEquals("header field pixdim[2]", outcome.first().place());
  }

  @Test
  void aHeaderOnlyDifferenceFails() {
    byte[] a = nifti2(DIMS, FLOAT32, ramp(24, 10), LE, "");
    byte[] b = nifti2(DIMS, FLOAT32, ramp(24, 10), LE, "");
    java.nio.ByteBuffer.wrap(b).order(LE).putInt(348, 2);

    Outcome outcome = nifti.compare("t1.nii", a, b);

    assertEquals(Verdict.FAIL, outcome.verdict());
  }

  @Test
  void aShapeMismatchFailsNamingBothShapes() {
    Outcome outcome = nifti.compare("t1.nii", nifti1(DIMS, FLOAT32, ramp(24, 10), LE, ""),
        nifti1(new int[] {3, 4, 3}, FLOAT32, ramp(36, 10), LE, ""));

    assertEquals("shape: baseline 3x4x2, candidate 3x4x3", outcome.first().describe());
  }

  @Test
  void aFourDimensionalVoxelIsNamedWithItsVolumeIndex() {
    int[] dims = {2, 2, 2, 3};
    Outcome outcome = nifti.compare("dwi.nii", nifti1(dims, FLOAT32, ramp(24, 0), LE, ""),
        nifti1(dims, FLOAT32, with(ramp(24, 0), 23, -5), LE, ""));

    assertEquals("voxel (1,1,1,2)", outcome.first().place());
  }

  @Test
  void aFileThatIsNotNiftiCannotBeCompared() {
    Outcome outcome = new Comparators(java.util.List.of()).compareBytes("t1.nii",
        nifti1(DIMS, FLOAT32, ramp(24, 10), LE, ""), "hello".getBytes());

    assertTrue(outcome.summary().contains("candidate t1.nii is not NIfTI"), outcome.summary());
  }

  @Test
  void identicalMgzVolumesPassDespiteDifferentTrailingTags() {
    byte[] a = gzip(mgh(new int[] {3, 4, 2}, 3, ramp(24, 10), 1f));
    byte[] raw = mgh(new int[] {3, 4, 2}, 3, ramp(24, 10), 1f);
    raw[raw.length - 1] = 'X';

    Outcome outcome = mghs.compare("T1.mgz", a, gzip(raw));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @ParameterizedTest(name = "MGH type {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 3, 4})
  void oneMghVoxelBeyondToleranceFailsNamingTheVoxel(int type) {
    Outcome outcome = mghs.compare("aparc+aseg.mgz", mgh(new int[] {3, 4, 2}, type,
        ramp(24, 10), 1f), mgh(new int[] {3, 4, 2}, type, with(ramp(24, 10), 19, 99), 1f));

    assertEquals("voxel (1,2,1)", outcome.first().place());
  }

  @Test
  void anMghSpacingDifferenceFailsNamingTheField() {
    Outcome outcome = mghs.compare("T1.mgz", mgh(DIMS, 0, ramp(24, 10), 1f),
        mgh(DIMS, 0, ramp(24, 10), 1.5f));

    assertEquals("header field spacing[0]", outcome.first().place());
  }

  @Test
  void anMghShapeMismatchFails() {
    Outcome outcome = mghs.compare("T1.mgz", mgh(DIMS, 0, ramp(24, 10), 1f),
        mgh(new int[] {4, 3, 2}, 0, ramp(24, 10), 1f));

    assertEquals("shape", outcome.first().place());
  }

  @Test
  void mifImagesWithDifferentLayoutsButTheSameVoxelsPass() {
    Outcome outcome = mifs.compare("dwi.mif", mif(DIMS, "Float32LE", "+0,+1,+2", ramp(24, 1),
        ""), mif(DIMS, "Float32BE", "-2,+0,+1", ramp(24, 1), ""));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void oneMifVoxelInAReversedLayoutIsNamedByItsCoordinates() {
    Outcome outcome = mifs.compare("dwi.mif", mif(DIMS, "Float32LE", "-0,+2,-1", ramp(24, 1),
        ""), mif(DIMS, "Float32LE", "-0,+2,-1", with(ramp(24, 1), 19, 50), ""));

    assertEquals("voxel (1,2,1)", outcome.first().place());
  }

  @Test
  void mifCommandHistoryIsIgnoredButOtherKeysAreCompared() {
    byte[] a = mif(DIMS, "Int16LE", "+0,+1,+2", ramp(24, 1),
        "command_history: mrconvert /tmp/a in.mif\nmrtrix_version: 3.0.4\n");
    byte[] b = mif(DIMS, "Int16LE", "+0,+1,+2", ramp(24, 1),
        "command_history: mrconvert /tmp/b in.mif\nmrtrix_version: 3.0.5\n");

    Outcome outcome = mifs.compare("dwi.mif.gz", gzip(a), b);

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void aMifGradientTableDifferenceFailsNamingTheField() {
    byte[] a = mif(DIMS, "Float64LE", "+0,+1,+2", ramp(24, 1), "dw_scheme: 0,0,1,0\n");
    byte[] b = mif(DIMS, "Float64LE", "+0,+1,+2", ramp(24, 1), "dw_scheme: 0,0,1,1000\n");

    Outcome outcome = mifs.compare("dwi.mif", a, b);

    assertEquals("header field dw_scheme[3]", outcome.first().place());
  }

  @Test
  void aMifShapeMismatchFails() {
    Outcome outcome = mifs.compare("dwi.mif", mif(DIMS, "UInt8", "+0,+1,+2", ramp(24, 1), ""),
        mif(new int[] {3, 4, 2, 1}, "UInt8", "+0,+1,+2,+3", ramp(24, 1), ""));

    assertEquals("shape: baseline 3x4x2, candidate 3x4x2x1", outcome.first().describe());
  }
}
