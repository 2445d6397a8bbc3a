package dev.slimgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {

  private static final Path MINI = Path.of("test/fixtures/medimproc-mini/plan.yaml");

  @TempDir
  Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("plan.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static final String VALID = """
      version: 1
      image:
        name: demo
      components:
        ants:
          paths: [/opt/ants]
          commands:
            - {name: antsRegistration, expect: "2\\\\.4"}
          absent:
            - {path: /opt/ants-old, after: A}
      phases:
        - id: A
          name: Quick wins
          budget: 28 GiB
          candidates:
            - {name: demo, dockerfile: Dockerfile.a}
          savings:
            - {change: drop old ANTs, component: ants, bytes: 2.93GB}
      """;

  @Test
  void readsTheMiniaturePlan() {
    Plan plan = new PlanReader().read(MINI, MINI.getParent());
    assertEquals("medimproc-mini", plan.image().name());
  }

  @Test
  void miniaturePlanHasEveryComponentOfTheRealImage() {
    Plan plan = new PlanReader().read(MINI, MINI.getParent());
    assertEquals(List.of("freesurfer", "fsl", "ants", "mrtrix3", "synb0", "python", "build-deps"),
        List.copyOf(plan.components().keySet()));
  }

  @Test
  void readsSizesWithBinaryUnits() throws IOException {
    Plan plan = new PlanReader().read(write(VALID), dir);
    assertEquals(28L << 30, plan.phase("A").orElseThrow().budget());
  }

  @Test
  void readsSavingsWithDecimalUnits() throws IOException {
    Plan plan = new PlanReader().read(write(VALID), dir);
    assertEquals(2_930_000_000L, plan.phase("A").orElseThrow().savings().get(0).bytes());
  }

  @Test
  void defaultsTheProbeToVersion() throws IOException {
    Plan plan = new PlanReader().read(write(VALID), dir);
    assertEquals("antsRegistration --version",
        plan.components().get("ants").commands().get(0).probe());
  }

  @Test
  void reportsThreeMistakesAtOnceWithTheirLines() throws IOException {
    Path file = write("""
        version: 1
        image:
          name: demo
        components:
          ants:
            pathz: [/opt/ants]
        phases:
          - id: A
            budget: 28 elephants
            gates: [tools, sise]
            candidates:
              - {name: demo, dockerfile: Dockerfile}
        """);
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertEquals(List.of(6, 9, 10), e.problems().stream().map(Problem::line).toList());
  }

  @Test
  void suggestsTheKeyThatWasMeant() throws IOException {
    Path file = write(VALID.replace("paths: [/opt/ants]", "pathz: [/opt/ants]"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.problems().get(0).fix().contains("did you mean 'paths'?"),
        e.problems().get(0).render());
  }

  @Test
  void namesFileLineAndColumnInTheMessage() throws IOException {
    Path file = write(VALID.replace("budget: 28 GiB", "budget: lots"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains(file + ":14:13: phases[0].budget: 'lots' is not a size"),
        e.getMessage());
  }

  @Test
  void suggestsAKeyWithTwoLettersSwapped() throws IOException {
    Path file = write(VALID.replace("{name: demo, dockerfile: Dockerfile.a}",
        "{nmae: demo, dockerfile: Dockerfile.a}"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("did you mean 'name'?"), e.getMessage());
  }

  @Test
  void rejectsAnUnknownPhaseId() throws IOException {
    Path file = write(VALID.replace("- id: A", "- id: E"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("unknown phase id 'E'"), e.getMessage());
  }

  @Test
  void rejectsAnAfterThatNamesNoPhase() throws IOException {
    Path file = write(VALID.replace("after: A", "after: B"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("'B' names no phase of this plan (fix: use one of A)"), e.getMessage());
  }

  @Test
  void pointsAtTheAfterThatNamesNoPhase() throws IOException {
    Path file = write(VALID.replace("after: A", "after: B"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertEquals("components.ants.absent[0].after:10:38", e.problems().get(0).key() + ":"
        + e.problems().get(0).line() + ":" + e.problems().get(0).column());
  }

  @Test
  void rejectsACandidateComponentThatDoesNotExist() throws IOException {
    Path file = write(VALID.replace("{name: demo, dockerfile: Dockerfile.a}",
        "{name: demo, dockerfile: Dockerfile.a, components: [antz]}"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("no component named 'antz'"), e.getMessage());
  }

  @Test
  void rejectsADuplicateKey() throws IOException {
    Path file = write(VALID.replace("  name: demo\n", "  name: demo\n  name: other\n"));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("image.name: this key appears twice"), e.getMessage());
  }

  @Test
  void rejectsABadRegularExpression() throws IOException {
    Path file = write(VALID.replace("expect: \"2\\\\.4\"", "expect: \"2.4(\""));
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirPosition() throws IOException {
    Path file = write("version: 1\nimage: [unclosed\n");
    PlanException e = assertThrows(PlanException.class, () -> new PlanReader().read(file, dir));
    assertTrue(e.problems().get(0).line() >= 2, e.getMessage());
  }

  @Test
  void saysWhenThePlanFileIsMissing() {
    PlanException e = assertThrows(PlanException.class,
        () -> new PlanReader().read(dir.resolve("nope.yaml"), dir));
    assertTrue(e.getMessage().contains("the plan file does not exist"), e.getMessage());
  }

  @Test
  void withARepositoryReportsMissingDockerfiles() throws IOException {
    Path file = write(VALID);
    PlanException e = assertThrows(PlanException.class,
        () -> new PlanReader(dir).read(file, dir));
    assertTrue(e.getMessage().contains("no file " + dir.resolve("Dockerfile.a")), e.getMessage());
  }

  @Test
  void withARepositoryAcceptsExistingDockerfiles() throws IOException {
    Path file = write(VALID);
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(dir.resolve("Dockerfile.a"), "FROM scratch\n");
    Plan plan = new PlanReader(dir).read(file, dir);
    assertFalse(plan.phases().isEmpty());
  }

  @Test
  void appliesAbsenceFromItsPhaseOn() throws IOException {
    Plan plan = new PlanReader().read(MINI, MINI.getParent());
    assertTrue(plan.reached("A", "A"));
  }
}
