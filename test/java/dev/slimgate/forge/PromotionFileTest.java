package dev.slimgate.forge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionFileTest {

  @TempDir Path run;

  @BeforeEach
  void report() throws Exception {
    Files.writeString(run.resolve("report.md"),
        "# Phase A: passed\n\nAll gates passed.\n\n## Sizes\n\nlots of rows\n");
    Files.writeString(run.resolve("candidate"), "FROM scratch\n");
  }

  @Test
  void aListOfPathAndSourceIsEnough() throws Exception {
    write("[{\"path\": \"Dockerfile\", \"source\": \"candidate\"}]");

    Promotion promotion = new PromotionFile().read(run, "A");

    assertEquals("Dockerfile", promotion.files().get(0).path());
    assertArrayEquals("FROM scratch\n".getBytes(StandardCharsets.UTF_8),
        promotion.files().get(0).content());
  }

  @Test
  void defaultsNameThePhase() throws Exception {
    write("[{\"path\": \"Dockerfile\", \"source\": \"candidate\"}]");

    Promotion promotion = new PromotionFile().read(run, "B");

    assertEquals("slimgate/reports/phase-b.md", promotion.reportPath());
    assertEquals("slimgate: promote the phase B candidate", promotion.title());
    assertEquals(List.of("slimgate", "phase-b"), promotion.labels());
  }

  @Test
  void theDefaultSummaryIsTheReportUpToItsSecondHeading() throws Exception {
    write("[{\"path\": \"Dockerfile\", \"source\": \"candidate\"}]");

    Promotion promotion = new PromotionFile().read(run, "A");

    assertEquals("# Phase A: passed\n\nAll gates passed.", promotion.summary());
  }

  @Test
  void theObjectFormSetsTitleLabelsSummaryAndInlineContent() throws Exception {
    write("""
        {"version": 1, "phase": "A", "title": "Phase A: quick wins", "labels": ["size"],
         "summary": "saved 3.3 GB", "report_path": "docs/phase-a.md",
         "files": [{"path": "phases/state.json", "content": "{}", "executable": false}]}
        """);

    Promotion promotion = new PromotionFile().read(run, "A");

    assertEquals(List.of("Phase A: quick wins", List.of("size"), "saved 3.3 GB",
        "docs/phase-a.md", "phases/state.json"), List.of(promotion.title(), promotion.labels(),
        promotion.summary(), promotion.reportPath(), promotion.files().get(0).path()));
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    write("""
        {"phase": "B", "colour": "red", "files": [
          {"path": "../etc/passwd", "source": "candidate"},
          {"path": "Dockerfile", "source": "missing"},
          {"path": "x", "source": "candidate", "content": "y"}]}
        """);

    UsageException error = assertThrows(UsageException.class,
        () -> new PromotionFile().read(run, "A"));

    assertEquals(run.resolve("promotion.json") + " has 5 problems:\n"
        + "  - colour is not a known key (known: files, labels, phase, report, report_path,"
        + " summary, title, version)\n"
        + "  - phase is 'B' but --phase is 'A'\n"
        + "  - files[0].path: promotion path '../etc/passwd' has an empty, '.' or '..' segment:"
        + " give a path inside the repository such as 'Dockerfile' or 'phases/A/state.yml'\n"
        + "  - files[1].source " + run.resolve("missing") + " is not a file\n"
        + "  - files[2] needs exactly one of source (a file to copy) and content (text)",
        error.getMessage());
  }

  @Test
  void aPathIntoGitIsRefused() throws Exception {
    write("[{\"path\": \".git/config\", \"content\": \"x\"}]");

    UsageException error = assertThrows(UsageException.class,
        () -> new PromotionFile().read(run, "A"));

    assertTrue(error.getMessage().contains("promotion path '.git/config' points into .git"),
        error.getMessage());
  }

  @Test
  void anExecutableSourceKeepsItsMode() throws Exception {
    Path script = run.resolve("entry.sh");
    Files.writeString(script, "#!/bin/sh\n");
    script.toFile().setExecutable(true);
    write("[{\"path\": \"bin/entry.sh\", \"source\": \"entry.sh\"}]");

    Promotion promotion = new PromotionFile().read(run, "A");

    assertTrue(promotion.files().get(0).executable());
  }

  private void write(String json) throws Exception {
    Files.writeString(run.resolve("promotion.json"), json);
  }
}
