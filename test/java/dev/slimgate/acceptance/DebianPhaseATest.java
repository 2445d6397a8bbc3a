package dev.slimgate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.slimgate.cli.Main;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * Phase A on real software: the medimproc-debian fixture (MRtrix3, dcm2niix, PyTorch and nibabel
 * from Debian's packages, in the shape of the real 1.3.0 image) built, checked and measured by
 * {@code slimgate run}, and a candidate that deletes a library mrtrix3 needs.
 *
 * <p>The builds need Debian's registry (build network host); the first run on a machine takes
 * about ten minutes. Its images are not removed afterwards, on purpose: the issue asks that the
 * rootfs and images be reused between runs on the same machine, and removing a classic-builder
 * image drops its layer cache with it. They carry the label {@value #KEEP_LABEL}, so
 * {@code docker image rm $(docker images -q -f label=dev.slimgate.fixture=medimproc-debian)}
 * clears them.
 */
@DockerTest
@Tag("acceptance")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianPhaseATest {

  static final Path FIXTURE = Path.of("test/fixtures/medimproc-debian");
  static final Path PLAN = FIXTURE.resolve("plan.yaml");
  static final Path BROKEN = FIXTURE.resolve("phases/A/Dockerfile.broken");
  static final String BASE_IMAGE = "slimgate-fixture/debian-bookworm:minbase";
  static final String KEEP_LABEL = "dev.slimgate.fixture=medimproc-debian";
  static final String LOADER_ERROR = "error while loading shared libraries: libfftw3.so.3:"
      + " cannot open shared object file";

  private DockerFixture docker;
  private Script firstBase;
  private Script secondBase;
  private Cli good;
  private JsonNode report;
  private Cli broken;
  private JsonNode brokenReport;
  private Path brokenOut;

  @BeforeAll
  void runBothCandidates(DockerFixture fixture, @TempDir Path dir) throws Exception {
    docker = fixture;
    firstBase = Script.run(FIXTURE.resolve("base-image.sh"));
    secondBase = Script.run(FIXTURE.resolve("base-image.sh"));
    Path goodOut = dir.resolve("good");
    good = Cli.run("run", "--plan", PLAN.toString(), "--phase", "A", "--out", goodOut.toString(),
        "--label", KEEP_LABEL);
    report = readReport(goodOut, good);
    brokenOut = dir.resolve("broken");
    broken = Cli.run("run", "--plan", PLAN.toString(), "--phase", "A", "--out",
        brokenOut.toString(), "--candidate-dockerfile", BROKEN.toString(), "--label", KEEP_LABEL);
    brokenReport = readReport(brokenOut, broken);
  }

  @Test
  void baseImageScriptSucceeds() {
    assertEquals(0, firstBase.exit(), firstBase.output());
  }

  @Test
  void baseImageCarriesItsFixtureLabel() {
    InspectImageResponse image = docker.client().inspectImageCmd(BASE_IMAGE).exec();
    assertEquals("debian-bookworm-minbase",
        image.getConfig().getLabels().get("dev.slimgate.fixture"));
  }

  @Test
  void baseImageScriptReusesTheImageOnItsSecondRun() {
    assertTrue(secondBase.output().contains("reusing image " + BASE_IMAGE),
        secondBase.output());
  }

  @Test
  void phaseAExitsZero() {
    assertEquals(0, good.exit(), good.out() + good.err());
  }

  @Test
  void phaseAReportsThePassVerdict() {
    assertEquals("pass", report.path("verdict").asText());
  }

  @Test
  void baselineIsOverThePhaseBudget() {
    long baseline = report.path("baseline").path("bytes").asLong();
    long budget = report.path("phaseBudget").asLong();
    assertTrue(baseline > budget, "baseline " + baseline + " vs budget " + budget);
  }

  @Test
  void candidateIsWithinThePhaseBudget() {
    long candidate = candidate(report).path("bytes").asLong();
    long budget = report.path("phaseBudget").asLong();
    assertTrue(candidate <= budget, "candidate " + candidate + " vs budget " + budget);
  }

  @Test
  void measuredDropCoversThePlansExpectedSavings() {
    long drop = report.path("baseline").path("bytes").asLong()
        - candidate(report).path("bytes").asLong();
    long expected = 0;
    for (JsonNode saving : report.path("expectedSavings")) {
      expected += saving.path("bytes").asLong();
    }
    assertTrue(expected > 0 && drop >= expected, "measured drop " + drop + " vs expected "
        + expected);
  }

  @Test
  void sizeGatePasses() {
    assertEquals("pass", gate(report, "size").path("verdict").asText());
  }

  @Test
  void everyCheckPasses() {
    List<String> failed = new ArrayList<>();
    for (JsonNode c : report.path("checks")) {
      if (!c.path("status").asText().equals("PASS")) {
        failed.add(c.path("component").asText() + ": " + c.path("kind").asText() + " "
            + c.path("subject").asText() + ": " + c.path("actual").asText());
      }
    }
    assertEquals(List.of(), failed);
  }

  @ParameterizedTest(name = "{0} {1} passes")
  @CsvSource({
      "command, mrconvert",
      "command, dwidenoise",
      "command, mrdegibbs",
      "command, mrinfo",
      "command, dcm2niix",
      "command, python3",
      "command, synb0-disco",
      "python-import, torch",
      "python-import, nibabel",
      "python-absent, torchvision",
      "python-absent, torchaudio",
      "absent, /home/jovyan/ants",
      "absent, /usr/include/eigen3",
      "absent, /home/jovyan/.cache/pip",
      "absent, /home/jovyan/synb0-disco/.git",
      "absent, /var/cache/apt/pkgcache.bin",
      "file, /home/jovyan/ants-2.4.4/bin"})
  void realToolCheckPasses(String kind, String subject) {
    assertEquals("PASS", check(report, kind, subject).path("status").asText());
  }

  // TODO: report.json has no package accounting yet; it should list the Debian packages the
  //  candidate no longer has with their sizes (python3-torchvision, libeigen3-dev, ...), as the
  //  issue asks. Not done because the run command does not read the images' dpkg status yet;
  //  the field name below is a guess to adjust when it does.
  @ParameterizedTest(name = "{0} is reported removed")
  @CsvSource({"python3-torchvision", "python3-torchaudio", "libeigen3-dev", "libfftw3-dev",
      "libpng-dev"})
  void reportListsTheRemovedPackageWithItsSize(String name) {
    JsonNode found = null;
    for (JsonNode p : report.path("measuredSavings")) {
      if (p.path("label").asText().equals("package " + name + " (dpkg)")) {
        found = p;
      }
    }
    assertTrue(found != null && found.path("bytes").asLong() > 0,
        name + " not among " + report.path("measuredSavings"));
  }

  @Test
  void brokenCandidateExitsOne() {
    assertEquals(1, broken.exit(), broken.out() + broken.err());
  }

  @Test
  void brokenCandidateFailsTheToolsGate() {
    assertEquals("fail", gate(brokenReport, "tools").path("verdict").asText());
  }

  @Test
  void brokenCandidateStillPassesTheSizeGate() {
    assertEquals("pass", gate(brokenReport, "size").path("verdict").asText());
  }

  @Test
  void brokenCandidateFailsTheCommandThatNeedsTheLibrary() {
    assertEquals("FAIL", check(brokenReport, "command", "mrdegibbs").path("status").asText());
  }

  @Test
  void reportJsonQuotesTheLoadersMessage() {
    String actual = check(brokenReport, "command", "mrdegibbs").path("actual").asText();
    assertTrue(actual.contains("mrdegibbs: " + LOADER_ERROR), actual);
  }

  @Test
  void reportMarkdownQuotesTheLoadersMessage() throws IOException {
    String markdown = Files.readString(brokenOut.resolve("report.md"));
    assertTrue(markdown.contains(LOADER_ERROR), markdown);
  }

  @Test
  void brokenCandidateKeepsTheCommandsThatDoNotNeedTheLibrary() {
    assertEquals("PASS", check(brokenReport, "command", "mrconvert").path("status").asText());
  }

  private static JsonNode readReport(Path out, Cli run) throws IOException {
    Path file = out.resolve("report.json");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("slimgate run wrote no " + file + "; exit " + run.exit()
          + "\n" + run.out() + run.err());
    }
    return new ObjectMapper().readTree(file.toFile());
  }

  private static JsonNode candidate(JsonNode report) {
    return report.path("candidates").get(0);
  }

  private static JsonNode gate(JsonNode report, String name) {
    for (JsonNode g : report.path("gates")) {
      if (g.path("gate").asText().equals(name)) {
        return g;
      }
    }
    throw new AssertionError("no gate " + name + " in " + report.path("gates"));
  }

  private static JsonNode check(JsonNode report, String kind, String subject) {
    for (JsonNode c : report.path("checks")) {
      if (c.path("kind").asText().equals(kind) && c.path("subject").asText().equals(subject)) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " check of " + subject + " in "
        + report.path("checks"));
  }

  /** The slimgate command line run in-process, with what it printed. */
  record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Cli(exit, out.toString(), err.toString());
    }
  }

  /** A shell script run to its end, its stdout and stderr together. */
  record Script(int exit, String output) {

    private static final long TIMEOUT_MINUTES = 20;

    static Script run(Path script) throws IOException, InterruptedException {
      // output to a file, not a pipe: reading a pipe would block past the time limit
      Path log = Files.createTempFile("slimgate-base-image-", ".log");
      try {
        Process p = new ProcessBuilder(script.toAbsolutePath().toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(script + " did not finish within " + TIMEOUT_MINUTES
              + " minutes; its output so far:\n" + Files.readString(log));
        }
        return new Script(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }
}
