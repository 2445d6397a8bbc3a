package dev.slimgate.regression.compare;

import static dev.slimgate.regression.compare.TestImages.nifti1;
import static dev.slimgate.regression.compare.TestImages.ramp;
import static dev.slimgate.regression.compare.TestImages.with;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparatorsTest {

  private static final int[] DIMS = {2, 2, 2};
  private final Comparators comparators = new Comparators(List.of(
      new OutputRule("**/*.txt", "table", new Tolerance(1e-6, 1e-4, 1)),
      new OutputRule("**/*.nii", "nifti", new Tolerance(0, 1e-3, 1)),
      new OutputRule("**/raw.bin", "exact", Tolerance.EXACT)));

  @TempDir
  Path dir;

  @Test
  void theFirstMatchingRuleChoosesTheComparator() {
    assertEquals("table", comparators.ruleFor("tractography/weights.txt").kind());
  }

  @Test
  void aDoubleStarPatternAlsoMatchesTopLevelFiles() {
    assertEquals("table", comparators.ruleFor("weights.txt").kind());
  }

  @Test
  void aPatternWithoutSlashMatchesTheFileNameInAnyFolder() {
    assertEquals(true, new OutputRule("response_*.txt", "table", Tolerance.EXACT)
        .matches("dwi/response_wm.txt"));
  }

  @Test
  void aSingleStarDoesNotCrossFolders() {
    assertEquals(false, new OutputRule("a/*.txt", "table", Tolerance.EXACT).matches("a/b/c.txt"));
  }

  @Test
  void unmatchedOutputsAreComparedByTheirNameWithoutTolerance() {
    Outcome outcome = comparators.compareBytes("T1.mgz", TestImages.mgh(DIMS, 3, ramp(8, 1), 1),
        TestImages.mgh(DIMS, 3, with(ramp(8, 1), 0, 1.0000001), 1));

    assertEquals("mgh FAIL", outcome.comparator() + " " + outcome.verdict());
  }

  @Test
  void identicalBytesPassTheExactComparator() {
    Outcome outcome = new ExactComparator().compare("a", new byte[] {1, 2}, new byte[] {1, 2});

    assertEquals(Verdict.PASS, outcome.verdict());
  }

  @Test
  void theExactComparatorNamesTheFirstDifferingByte() {
    Outcome outcome = new ExactComparator().compare("a", new byte[] {1, 2, 3},
        new byte[] {1, 2, 4});

    assertEquals("byte 2: baseline 0x03, candidate 0x04", outcome.first().describe());
  }

  @Test
  void theExactComparatorReportsDifferentSizes() {
    Outcome outcome = new ExactComparator().compare("a", new byte[] {1, 2}, new byte[] {1});

    assertEquals("size: baseline 2 bytes, candidate 1 bytes", outcome.first().describe());
  }

  @Test
  void zipEntriesAreComparedWithTheComparatorForTheirName() {
    byte[] a = zip("weights.txt", "1 2\n", "t1.nii", nifti(ramp(8, 1)));
    byte[] b = zip("weights.txt", "1 2.00000001\n", "t1.nii", nifti(ramp(8, 1)));

    Outcome outcome = comparators.compareBytes("connectivity.zip", a, b);

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void aVoxelDifferenceInsideAZipNamesTheEntryAndTheVoxel() {
    byte[] a = zip("weights.txt", "1 2\n", "sub/t1.nii", nifti(ramp(8, 1)));
    byte[] b = zip("weights.txt", "1 2\n", "sub/t1.nii", nifti(with(ramp(8, 1), 7, 20)));

    Outcome outcome = comparators.compareBytes("connectivity.zip", a, b);

    assertEquals("entry sub/t1.nii: voxel (1,1,1)", outcome.first().place());
  }

  @Test
  void aMissingZipEntryFails() {
    byte[] a = zip("weights.txt", "1 2\n", "lengths.txt", "3 4\n");
    byte[] b = zip("weights.txt", "1 2\n", "other.txt", "3 4\n");

    Outcome outcome = comparators.compareBytes("connectivity.zip", a, b);

    assertEquals("entry lengths.txt: baseline present, candidate absent",
        outcome.first().describe());
  }

  @Test
  void aCorruptZipFails() {
    Outcome outcome = comparators.compareBytes("c.zip", zip("a.txt", "1\n", "b.txt", "2\n"),
        "not a zip".getBytes(UTF_8));

    assertEquals(Verdict.FAIL, outcome.verdict());
  }

  @Test
  void identicalFoldersPass() throws IOException {
    write("a/x/weights.txt", "1 2\n");
    write("b/x/weights.txt", "1 2\n");

    Outcome outcome = comparators.comparePaths("x", dir.resolve("a/x"), dir.resolve("b/x"));

    assertEquals(Verdict.PASS, outcome.verdict(), outcome.describe());
  }

  @Test
  void aFileMissingFromTheCandidateFolderFails() throws IOException {
    write("a/x/weights.txt", "1 2\n");
    write("a/x/lengths.txt", "1 2\n");
    write("b/x/weights.txt", "1 2\n");

    Outcome outcome = comparators.comparePaths("x", dir.resolve("a/x"), dir.resolve("b/x"));

    assertEquals("x/lengths.txt: baseline present, candidate absent",
        outcome.first().describe());
  }

  @Test
  void aDifferenceInsideAFolderNamesTheFileAndThePlace() throws IOException {
    write("a/x/sub/weights.txt", "1 2\n");
    write("b/x/sub/weights.txt", "1 3\n");

    Outcome outcome = comparators.comparePaths("x", dir.resolve("a/x"), dir.resolve("b/x"));

    assertEquals("x/sub/weights.txt: line 1, column 2", outcome.first().place());
  }

  @Test
  void anExtraFileInTheCandidateFolderNeedsReview() throws IOException {
    write("a/x/weights.txt", "1 2\n");
    write("b/x/weights.txt", "1 2\n");
    write("b/x/debug.log", "hello\n");

    Outcome outcome = comparators.comparePaths("x", dir.resolve("a/x"), dir.resolve("b/x"));

    assertEquals(Verdict.INCONCLUSIVE, outcome.verdict());
  }

  @Test
  void aDeclaredOutputMissingFromTheCandidateFails() throws IOException {
    write("a/weights.txt", "1 2\n");

    Outcome outcome = comparators.comparePaths("weights.txt", dir.resolve("a/weights.txt"),
        dir.resolve("b/weights.txt"));

    assertEquals("missing in the candidate", outcome.summary());
  }

  @Test
  void aFileAgainstAFolderFails() throws IOException {
    write("a/out", "1\n");
    write("b/out/x", "1\n");

    Outcome outcome = comparators.comparePaths("out", dir.resolve("a/out"), dir.resolve("b/out"));

    assertEquals(Verdict.FAIL, outcome.verdict());
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static byte[] nifti(double[] values) {
    return nifti1(DIMS, TestImages.FLOAT32, values, ByteOrder.LITTLE_ENDIAN, "");
  }

  private static byte[] zip(String n1, Object c1, String n2, Object c2) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(n1, c1 instanceof String ? ((String) c1).getBytes(UTF_8) : (byte[]) c1);
    entries.put(n2, c2 instanceof String ? ((String) c2).getBytes(UTF_8) : (byte[]) c2);
    return TestImages.zip(entries);
  }
}
