package dev.slimgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import dev.slimgate.report.RunReport.ImageReport;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class ReportRenderersTest {

  private static final RunReport REPORT = new RunReport(RunReport.SCHEMA, "run-1", "4f2a1c", "A",
      "Quick <wins>", "plan.yaml", Verdict.FAIL, 1, "2026-12-04T10:00:00Z",
      "2026-12-04T10:05:00Z",
      new ImageReport("medimproc", "medimproc:baseline", "sha256:1", 32_400_000_000L, null,
          List.of(new RunReport.Layer("RUN install freesurfer", 10_600_000_000L)), null),
      List.of(new ImageReport("medimproc", "medimproc:phase-a", "sha256:2", 29_500_000_000L,
          null, List.of(), null)),
      29_000_000_000L, List.of(new RunReport.ExpectedSaving("drop ANTs copy", "ants",
          2_930_000_000L, 2_900_000_000L)),
      List.of(new RunReport.MeasuredSaving("package torchvision (python)", 250_000_000L),
          new RunReport.MeasuredSaving("component ants", 2_800_000_000L)),
      List.of(new GateResult("size", Verdict.FAIL, List.of("over by 500 MB")),
          new GateResult("tools", Verdict.FAIL, List.of("mrconvert missing"))),
      List.of(new CheckResult("medimproc", "mrtrix3", "command", "mrconvert", Status.FAIL,
              "exits 0", "mrconvert: error while loading shared libraries: libfftw3.so.3",
              "", 120),
          new CheckResult("medimproc", "ants", "command", "c3d", Status.PASS, "exits 0",
              "exit 0", "", 80),
          new CheckResult("medimproc", "fsl", "command", "eddy", Status.TIMEOUT, "exits 0",
              "no answer within 60 s", "", 60_000)),
      List.of("chat: invalid_auth"));

  @Test
  void jsonCarriesTheSchemaAndTheLowerCaseVerdict() throws IOException {
    JsonNode json = new ObjectMapper().readTree(new JsonReport().render(REPORT));
    assertEquals("slimgate.report/1 fail", json.path("schema").asText() + " "
        + json.path("verdict").asText());
  }

  @Test
  void jsonNamesTheImagesAsTheJenkinsStepsRead() throws IOException {
    JsonNode json = new ObjectMapper().readTree(new JsonReport().render(REPORT));
    assertEquals("medimproc:phase-a", json.path("candidates").get(0).path("image").asText());
  }

  @Test
  void markdownShowsTheSizeChange() {
    assertTrue(new MarkdownReport().render(REPORT).contains(
        "| medimproc | `medimproc:phase-a` | 29.5 GB |  | -2.9 GB (-9.0%) |"));
  }

  @Test
  void markdownListsFailingChecksFirst() {
    String md = new MarkdownReport().render(REPORT);
    assertTrue(md.indexOf("mrconvert") < md.indexOf("c3d"), md);
  }

  @Test
  void markdownQuotesTheLoadersMessage() {
    assertTrue(new MarkdownReport().render(REPORT)
        .contains("error while loading shared libraries: libfftw3.so.3"));
  }

  @Test
  void junitIsWellFormedXmlWithOneCasePerCheckAndGate() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(new JunitReport().render(REPORT))));
    assertEquals(5, doc.getElementsByTagName("testcase").getLength());
  }

  @Test
  void junitCountsFailuresAndTimeouts() {
    String xml = new JunitReport().render(REPORT);
    assertTrue(xml.contains("tests=\"5\" failures=\"3\" errors=\"1\""), xml);
  }

  @Test
  void htmlEscapesWhatThePlanSays() {
    String html = new HtmlReport().render(REPORT);
    assertTrue(html.contains("Quick &lt;wins&gt;"));
    assertFalse(html.contains("Quick <wins>"));
  }

  @Test
  void markdownComparesExpectedWithMeasuredSavings() {
    assertTrue(new MarkdownReport().render(REPORT)
        .contains("| drop ANTs copy | ants | 2.9 GB | 2.9 GB |"));
  }

  @Test
  void markdownListsTheRemovedPackagesWithTheirSizes() {
    assertTrue(new MarkdownReport().render(REPORT)
        .contains("| torchvision (python) | 250.0 MB |"));
  }

  @Test
  void markdownShowsWhatLiesOutsideThePlansComponents() {
    assertTrue(new MarkdownReport().render(REPORT)
        .contains("| outside the plan's components | 100.0 MB |"));
  }

  @Test
  void markdownSumsUpTheWholeImage() {
    assertTrue(new MarkdownReport().render(REPORT).contains("| **whole image** | **2.9 GB** |"));
  }

  @Test
  void markdownCountsAComponentOnceWhenTwoChangesShareIt() {
    RunReport two = new RunReport(REPORT.schema(), "r", "c", "A", "x", "p", Verdict.PASS, 0, "s",
        "f", REPORT.baseline(), REPORT.candidates(), null,
        List.of(new RunReport.ExpectedSaving("apt lists", "caches", 60_000_000L, 466_100_000L),
            new RunReport.ExpectedSaving("pip cache", "caches", 300_000_000L, 466_100_000L)),
        List.of(), List.of(), List.of(), List.of());
    assertTrue(new MarkdownReport().render(two)
        .contains("| pip cache | caches | 300.0 MB | (with the row above) |"));
  }

  @Test
  void htmlShowsWhereTheBytesWent() {
    assertTrue(new HtmlReport().render(REPORT).contains("<h2>Where the bytes went</h2>"));
  }

  @Test
  void htmlShowsTheWarnings() {
    assertTrue(new HtmlReport().render(REPORT).contains("<li>chat: invalid_auth</li>"));
  }
}
