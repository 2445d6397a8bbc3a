package dev.slimgate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The medimproc-debian fixture's files keep the promises the acceptance test relies on, checked
 * without Docker: no registry host in them, one base image everywhere, and candidates that
 * differ from the baseline only by the quick wins.
 */
class DebianFixtureFilesTest {

  static final Path FIXTURE = Path.of("test/fixtures/medimproc-debian");
  static final Path PLAN = FIXTURE.resolve("plan.yaml");
  // apt takes its mirror from the machine (base-image.sh); a URL here would pin one
  static final Pattern REMOTE_URL = Pattern.compile("(?i)\\b(https?|ftp)://|debian\\.org");
  static final Pattern PACKAGES = Pattern.compile("packages=\"([^\"]*)\"");
  static final Pattern BASE_DEFAULT = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)$");

  @Test
  void noFixtureFileNamesARemoteHost() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        List<String> lines = lines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (REMOTE_URL.matcher(lines.get(i)).find()) {
            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      });
    }
    assertEquals(List.of(), found);
  }

  @Test
  void candidateInstallsTheBaselinesPackagesButTorchvisionAndTorchaudio() {
    Set<String> dropped = packages(FIXTURE.resolve("Dockerfile"));
    dropped.removeAll(packages(FIXTURE.resolve("phases/A/Dockerfile")));
    assertEquals(Set.of("python3-torchvision", "python3-torchaudio"), dropped);
  }

  @Test
  void candidateAddsNoPackageOfItsOwn() {
    Set<String> added = packages(FIXTURE.resolve("phases/A/Dockerfile"));
    added.removeAll(packages(FIXTURE.resolve("Dockerfile")));
    assertEquals(Set.of(), added);
  }

  @Test
  void brokenCandidateIsTheCandidatePlusOneLibraryDeletion() {
    List<String> extra =
        new ArrayList<>(instructions(FIXTURE.resolve("phases/A/Dockerfile.broken")));
    for (String line : instructions(FIXTURE.resolve("phases/A/Dockerfile"))) {
      extra.remove(line);
    }
    assertEquals(List.of("RUN rm -f /usr/lib/x86_64-linux-gnu/libfftw3.so.3"
        + " /usr/lib/x86_64-linux-gnu/libfftw3.so.3.*"), extra);
  }

  @Test
  void brokenCandidateKeepsTheCandidatesStepsInOrder() {
    List<String> broken = instructions(FIXTURE.resolve("phases/A/Dockerfile.broken"));
    broken.removeIf(line -> line.contains("libfftw3.so.3"));
    assertEquals(instructions(FIXTURE.resolve("phases/A/Dockerfile")), broken);
  }

  @Test
  void everyDockerfileDefaultsToTheImageBaseImageScriptMakes() {
    String made = matchOne(Pattern.compile("image=\\$\\{SLIMGATE_DEBIAN_BASE:-([^}]+)}"),
        FIXTURE.resolve("base-image.sh"));
    Set<String> defaults = new TreeSet<>();
    for (String f : List.of("Dockerfile", "phases/A/Dockerfile", "phases/A/Dockerfile.broken")) {
      defaults.add(matchOne(BASE_DEFAULT, FIXTURE.resolve(f)));
    }
    assertEquals(Set.of(made), defaults);
  }

  @Test
  void planBuildsOnTheImageBaseImageScriptMakes() {
    String made = matchOne(Pattern.compile("image=\\$\\{SLIMGATE_DEBIAN_BASE:-([^}]+)}"),
        FIXTURE.resolve("base-image.sh"));
    String planned = matchOne(Pattern.compile("BASE_IMAGE: \"([^\"]+)\""),
        FIXTURE.resolve("plan.yaml"));
    assertEquals(made, planned);
  }

  @Test
  void planValidatesAgainstThePlanSchema() throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(read(Path.of("resources/plan.schema.json")), InputFormat.JSON);
    Object tree = new Load(LoadSettings.builder().build()).loadFromString(read(PLAN));
    List<Error> errors =
        schema.validate(new ObjectMapper().writeValueAsString(tree), InputFormat.JSON);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList());
  }

  @Test
  void planIsReadByTheStrictReaderWithItsBuildNetwork() {
    Plan plan = new PlanReader().read(PLAN, FIXTURE);
    assertEquals("host", plan.image().buildNetwork());
  }

  @Test
  void planRunsBaseImageScriptBeforeItsBuilds() {
    Plan plan = new PlanReader().read(PLAN, FIXTURE);
    assertEquals("./base-image.sh", plan.image().prepare());
  }

  /** The apt packages a Dockerfile installs by its {@code packages="..."} lists. */
  private static Set<String> packages(Path dockerfile) {
    Set<String> out = new TreeSet<>();
    Matcher m = PACKAGES.matcher(read(dockerfile));
    while (m.find()) {
      out.addAll(List.of(m.group(1).trim().split("\\s+")));
    }
    return out;
  }

  /** The Dockerfile's lines without comments and blank lines, continuation lines kept apart. */
  private static List<String> instructions(Path dockerfile) {
    List<String> out = new ArrayList<>();
    for (String line : lines(dockerfile)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return out;
  }

  private static String matchOne(Pattern pattern, Path file) {
    Matcher m = pattern.matcher(read(file));
    if (!m.find()) {
      throw new AssertionError("no match of /" + pattern + "/ in " + file);
    }
    return m.group(1);
  }

  private static List<String> lines(Path file) {
    return read(file).lines().toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
