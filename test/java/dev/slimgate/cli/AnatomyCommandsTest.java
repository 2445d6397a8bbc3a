package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnatomyCommandsTest {

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Object command, String... args) {
    return new CommandLine(command).execute(args);
  }

  private PrintStream ps(ByteArrayOutputStream b) {
    return new PrintStream(b, true, StandardCharsets.UTF_8);
  }

  private Path write(String name, byte[] content) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void diffCommandComparesPhaseSavingsFromThePlan() throws Exception {
    Path base = AnatomyFixtures.base(tmp);
    Path cand = AnatomyFixtures.candidate(tmp);
    Path plan = write("plan.yaml", AnatomyFixtures.plan().getBytes(StandardCharsets.UTF_8));
    int code = run(new DiffCommand(ps(out), ps(err)), base.toString(), cand.toString(),
        "--plan", plan.toString(), "--phase", "A", "--format", "json",
        "--cache", tmp.resolve("cache").toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    JsonNode j = new ObjectMapper().readTree(out.toByteArray());
    assertEquals("/home/jovyan/ants", j.path("removed").path(0).path("path").asText());
    assertEquals(3300, j.path("savings").path(0).path("measuredBytes").asLong());
    assertEquals("libeigen3-dev", j.path("packagesRemoved").path(0).path("name").asText());
  }

  @Test
  void analyzeCommandPrintsTextReportWithDuplicateTree() throws Exception {
    Path base = AnatomyFixtures.base(tmp);
    int code = run(new AnalyzeCommand(ps(out), ps(err)), base.toString(),
        "--cache", tmp.resolve("cache").toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("/home/jovyan/ants, /home/jovyan/ants-2.4.4"), text);
  }

  @Test
  void analyzeCommandWritesHtml() throws Exception {
    Path base = AnatomyFixtures.base(tmp);
    Path html = tmp.resolve("r.html");
    int code = run(new AnalyzeCommand(ps(out), ps(err)), base.toString(), "--format", "html",
        "--output", html.toString(), "--cache", tmp.resolve("cache").toString());
    assertEquals(0, code);
    assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void truncatedArchiveExitsWithUsageErrorAndNoStackTrace() throws Exception {
    byte[] whole = Files.readAllBytes(AnatomyFixtures.base(tmp));
    Path cut = write("cut.tar", java.util.Arrays.copyOf(whole, 512 * 6));
    int code = run(new AnalyzeCommand(ps(out), ps(err)), cut.toString(),
        "--cache", tmp.resolve("cache").toString());
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, e);
    assertTrue(e.lines().anyMatch(l -> l.startsWith("error: ")), e);
    assertTrue(e.contains("layer.tar"), e);
    assertEquals(List.of(), e.lines().filter(l -> l.contains("\tat ")).toList());
  }

  @Test
  void unusableCacheDirectoryIsAUsageErrorNamingTheOption() throws Exception {
    Path base = AnatomyFixtures.base(tmp);
    Path notADir = write("cache-file", new byte[1]);
    int code = run(new AnalyzeCommand(ps(out), ps(err)), base.toString(),
        "--cache", notADir.toString());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--cache DIR"));
  }

  @Test
  void missingPhaseIsAUsageError() throws Exception {
    Path base = AnatomyFixtures.base(tmp);
    Path plan = write("plan.yaml", AnatomyFixtures.plan().getBytes(StandardCharsets.UTF_8));
    int code = run(new DiffCommand(ps(out), ps(err)), base.toString(), base.toString(),
        "--plan", plan.toString(), "--phase", "Z", "--cache", tmp.resolve("c").toString());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no phase Z"));
  }
}
