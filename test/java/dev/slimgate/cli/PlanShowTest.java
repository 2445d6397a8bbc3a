package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slimgate plan show --format json}: what the Jenkins steps read before a run. */
class PlanShowTest {

  @TempDir
  Path dir;

  private JsonNode show(String plan, String phase, String repo) throws IOException {
    Path out = dir.resolve("plan.json");
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("plan", "show", "--plan", plan, "--phase", phase, "--repo", repo,
        "--format", "json", "--output", out.toString());
    assertEquals(0, exit, err.toString());
    return new ObjectMapper().readTree(out.toFile());
  }

  @Test
  void listsTheBaselineImageFirst() throws IOException {
    JsonNode view = show("phases/medimproc.yaml", "A", ".");
    assertEquals("jupyter-medimproc:baseline", view.path("images").get(0).asText());
  }

  @Test
  void listsOneImagePerServiceOfTheSplit() throws IOException {
    JsonNode view = show("phases/medimproc.yaml", "C", ".");
    assertEquals("[\"medimproc-freesurfer:phase-c\",\"medimproc-diffusion:phase-c\","
        + "\"medimproc-tvb:phase-c\"]", view.path("candidates").findValuesAsText("image")
            .stream().map(s -> "\"" + s + "\"").toList().toString().replace(", ", ","));
  }

  @Test
  void joinsDockerfilesToTheRepository() throws IOException {
    JsonNode view = show("phases/medimproc.yaml", "A", "image");
    assertEquals("image/Dockerfile.phase-a", view.path("dockerfiles").get(0).asText());
  }

  @Test
  void listsOnlyTheCandidatesDockerfilesForTheLintGate() throws IOException {
    JsonNode view = show("phases/medimproc.yaml", "C", ".");
    assertEquals(3, view.path("dockerfiles").size());
  }

  @Test
  void showsTheBaselineApart() throws IOException {
    JsonNode view = show("phases/medimproc.yaml", "A", ".");
    assertEquals("Dockerfile", view.path("baseline").path("dockerfile").asText());
  }

  @Test
  void namesTheAgentOfTheRegressionStages() throws IOException {
    Path plan = dir.resolve("p.yaml");
    Files.writeString(plan, Files.readString(Path.of("test/fixtures/medimproc-mini/plan.yaml"))
        + "\nregression:\n  stages:\n    - {name: structural, command: x, agent: bigmem}\n");
    JsonNode view = show(plan.toString(), "A", ".");
    assertEquals("bigmem", view.path("candidates").get(0).path("regressionAgent").asText());
  }

  @Test
  void carriesThePhaseGates() throws IOException {
    JsonNode view = show("test/fixtures/medimproc-mini/plan.yaml", "A", ".");
    assertEquals("[\"lint\",\"tools\",\"size\"]", view.path("gates").toString());
  }
}
