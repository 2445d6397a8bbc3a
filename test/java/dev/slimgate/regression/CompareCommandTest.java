package dev.slimgate.regression;

import static dev.slimgate.regression.compare.TestImages.nifti1;
import static dev.slimgate.regression.compare.TestImages.ramp;
import static dev.slimgate.regression.compare.TestImages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.cli.CompareCommand;
import dev.slimgate.regression.compare.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  private static final int[] DIMS = {2, 3, 2};
  /** The smallest plan the plan reader accepts, before its regression section. */
  static final String PLAN = "version: 1\n"
      + "image: {name: stub, dockerfile: Dockerfile, context: .}\n"
      + "phases:\n"
      + "  - {id: A, name: Quick wins, budget: 1GB, gates: [regression],\n"
      + "     candidates: [{name: stub, dockerfile: Dockerfile, context: .}]}\n";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int compare(String... args) {
    CommandLine cli = new CommandLine(new CompareCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static byte[] nifti(double[] values) {
    return nifti1(DIMS, TestImages.FLOAT32, values, ByteOrder.LITTLE_ENDIAN, "");
  }

  @Test
  void sameFilesExitZero() throws IOException {
    Path a = write("a/t1.nii", nifti(ramp(12, 1)));
    Path b = write("b/t1.nii", nifti(ramp(12, 1)));

    assertEquals(0, compare(a.toString(), b.toString()), out.toString());
  }

  @Test
  void differentImagesExitOneNamingTheVoxel() throws IOException {
    Path a = write("a/t1.nii", nifti(ramp(12, 1)));
    Path b = write("b/t1.nii", nifti(with(ramp(12, 1), 11, 50)));

    int code = compare(a.toString(), b.toString());

    assertEquals(1, code);
    assertTrue(out.toString().contains("first difference at voxel (1,2,1)"), out.toString());
  }

  @Test
  void aMissingPathExitsTwo() throws IOException {
    Path a = write("a/t1.nii", nifti(ramp(12, 1)));

    assertEquals(2, compare(a.toString(), dir.resolve("nothing").toString()));
  }

  @Test
  void aFileAgainstAFolderExitsTwo() throws IOException {
    Path a = write("a/t1.nii", nifti(ramp(12, 1)));

    assertEquals(2, compare(a.toString(), dir.toString()));
  }

  @Test
  void foldersListTheMissingFile() throws IOException {
    write("a/x/weights.txt", "1 2\n");
    write("a/x/lengths.txt", "3 4\n");
    write("b/x/weights.txt", "1 2\n");

    int code = compare(dir.resolve("a").toString(), dir.resolve("b").toString());

    assertEquals(1, code);
    assertTrue(out.toString().contains("x/lengths.txt: fail (missing) missing in the candidate"),
        out.toString());
  }

  @Test
  void thePlansTolerancesApply() throws IOException {
    Path a = write("a/weights.txt", "1 2\n");
    Path b = write("b/weights.txt", "1 2.001\n");
    Path plan = write("plan.yaml", PLAN + "regression:\n  compare:\n"
        + "    - {pattern: '*.txt', with: table, rel: 0.01}\n");

    assertEquals(0, compare(a.toString(), b.toString(), "--plan", plan.toString()),
        out.toString() + err);
  }

  @Test
  void withoutAPlanNumbersMustBeEqual() throws IOException {
    Path a = write("a/weights.txt", "1 2\n");
    Path b = write("b/weights.txt", "1 2.001\n");

    assertEquals(1, compare(a.toString(), b.toString()));
  }

  @Test
  void aBadPlanExitsTwoWithLineAndColumn() throws IOException {
    Path a = write("a/weights.txt", "1 2\n");
    Path plan = write("plan.yaml", PLAN + "regression:\n  compare:\n"
        + "    - {pattern: '*.txt', with: x}\n");

    int code = compare(a.toString(), a.toString(), "--plan", plan.toString());

    assertEquals(2, code);
    assertTrue(err.toString().contains("plan.yaml:8:32: regression.compare[0].with: unknown"),
        err.toString());
  }
}
