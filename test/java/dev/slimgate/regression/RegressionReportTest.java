package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.regression.compare.Difference;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class RegressionReportTest {

  private static final Path GOLDEN = Path.of("test/fixtures/regression/golden");

  /** Two stages: one with a failing voxel and an output in review, one that timed out. */
  public static RegressionResult sample() {
    StageRun ok = new StageRun("structural", "medimproc:phase-a", "c1", 0, false, 1500,
        Path.of("out/candidate/logs/structural.stdout.log"),
        Path.of("out/candidate/logs/structural.stderr.log"), null);
    StageRun base = new StageRun("structural", "medimproc:baseline", "c0", 0, false, 1400,
        Path.of("out/baseline/logs/structural.stdout.log"),
        Path.of("out/baseline/logs/structural.stderr.log"), null);
    Outcome t1 = new Outcome("structural/t1.nii", "nifti", Verdict.FAIL,
        "1 of 24 voxels beyond tolerance (abs 0.0, rel 1.0E-6)", 1,
        new Difference("voxel (1,2,1)", "119", "1000", 881),
        new Difference("voxel (1,2,1)", "119", "1000", 881), List.of());
    Outcome weights = new Outcome("connectome/weights.txt", "table", Verdict.INCONCLUSIVE,
        "1 of 9 values or shapes differ (abs 1.0E-9, rel 1.0E-6, review x10.0)", 1,
        new Difference("line 2, column 3", "2.25", "2.250005", 5e-6),
        new Difference("line 2, column 3", "2.25", "2.250005", 5e-6), List.of());
    Outcome same = Outcome.same("structural/brain.mgz", "mgh", "same within tolerance <&>");
    StageResult structural = new StageResult("structural", base, ok,
        List.of(t1, weights, same), List.of(), Verdict.FAIL);
    StageRun slow = new StageRun("tractography", "medimproc:phase-a", "c2", -1, true, 2000,
        Path.of("out/candidate/logs/tractography.stdout.log"),
        Path.of("out/candidate/logs/tractography.stderr.log"), null);
    StageResult tractography = new StageResult("tractography", base, slow, List.of(),
        List.of("candidate timed out after 2.0s and was killed; see "
            + "out/candidate/logs/tractography.stderr.log"), Verdict.FAIL);
    return new RegressionResult("images", "medimproc:baseline", "medimproc:phase-a", null,
        List.of(structural, tractography), Verdict.FAIL);
  }

  @Test
  void theMarkdownSectionMatchesItsGoldenFile() throws IOException {
    assertEquals(Files.readString(GOLDEN.resolve("regression.md")),
        RegressionReport.markdown(sample()));
  }

  @Test
  void theJunitXmlMatchesItsGoldenFile() throws IOException {
    assertEquals(Files.readString(GOLDEN.resolve("regression-junit.xml")),
        RegressionReport.junit(sample()));
  }

  @Test
  void theJunitXmlHasATestSuitePerStage() throws Exception {
    Document xml = parse(RegressionReport.junit(sample()));

    assertEquals(2, xml.getElementsByTagName("testsuite").getLength());
  }

  @Test
  void theJunitXmlHasATestCasePerOutputPlusTheStageRun() throws Exception {
    Element suite = (Element) parse(RegressionReport.junit(sample()))
        .getElementsByTagName("testsuite").item(0);

    assertEquals(4, suite.getElementsByTagName("testcase").getLength());
  }

  @Test
  void anOutputInReviewIsSkippedInJunit() throws Exception {
    Element skipped = (Element) parse(RegressionReport.junit(sample()))
        .getElementsByTagName("skipped").item(0);

    assertEquals("needs review: 1 of 9 values or shapes differ (abs 1.0E-9, rel 1.0E-6, review"
        + " x10.0); first difference at line 2, column 3: baseline 2.25, candidate 2.250005"
        + " (error 5.0E-6)", skipped.getAttribute("message"));
  }

  @Test
  void theJsonCarriesTheFirstDifferenceOfEachOutput() throws IOException {
    JsonNode json = new ObjectMapper().readTree(RegressionReport.json(sample()));

    assertEquals("voxel (1,2,1)",
        json.at("/stages/0/outputs/0/first/place").asText());
  }

  @Test
  void theJsonCarriesTheTimeout() throws IOException {
    JsonNode json = new ObjectMapper().readTree(RegressionReport.json(sample()));

    assertEquals(true, json.at("/stages/1/candidate/timedOut").asBoolean());
  }

  @Test
  void writeCreatesTheThreeFiles(@org.junit.jupiter.api.io.TempDir Path dir) {
    RegressionReport.write(sample(), dir);

    assertEquals(List.of(true, true, true, true),
        List.of(Files.exists(dir.resolve("regression.json")),
            Files.exists(dir.resolve("junit/regression.xml")),
            Files.exists(dir.resolve("regression.md")), Files.exists(dir.resolve("report.html"))));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
