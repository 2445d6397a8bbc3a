package dev.slimgate.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeRequestWriterTest {

  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  private final MergeRequestWriter writer = new MergeRequestWriter();

  @Test
  void theSameInputGivesTheSameHash() {
    MergeRequestContent first = write(promotion("report", List.of("a", "b")), 1000);
    MergeRequestContent second = write(promotion("report", List.of("b", "a")), 1000);

    assertEquals(first.hash(), second.hash());
  }

  @Test
  void anotherReportGivesAnotherHash() {
    assertNotEquals(write(promotion("report 1", List.of()), 1000).hash(),
        write(promotion("report 2", List.of()), 1000).hash());
  }

  @Test
  void theHashCanBeReadBackFromTheDescription() {
    MergeRequestContent content = write(promotion("report", List.of()), 1000);

    assertEquals(Optional.of(content.hash()), MergeRequestWriter.hashIn(content.description()));
  }

  @Test
  void aDescriptionWithoutMarkerHasNoHash() {
    assertEquals(Optional.empty(), MergeRequestWriter.hashIn("written by a person"));
  }

  @ParameterizedTest
  @ValueSource(ints = {900, 1500, 4000})
  void aLongReportIsCutToTheLimit(int limit) {
    String report = "line of the report\n".repeat(300);

    MergeRequestContent content = write(promotion(report, List.of()), limit);

    assertTrue(content.description().length() <= limit, content.description().length() + "");
    assertTrue(content.reportCut());
  }

  @Test
  void aCutReportEndsAtALineAndLinksTheFullReport() {
    String report = "line of the report\n".repeat(300);

    String description = write(promotion(report, List.of()), 1500).description();

    assertTrue(description.contains("line of the report\n\n---\n\n**The report is cut here**: it"
        + " has 5699 characters and a GitLab description holds at most 1500. Full report:"
        + " [r.md](https://forge/r.md)"), description);
  }

  @Test
  void aShortReportIsNotCut() {
    MergeRequestContent content = write(promotion("short", List.of()), 1000);

    assertFalse(content.reportCut());
    assertTrue(content.description().contains("---\n\nshort\n\n<!-- slimgate:hash="));
  }

  @Test
  void theNoteCarriesTheMarkerTheSummaryAndTheCommit() {
    String note = write(promotion("r", List.of()), 1000).note();

    assertEquals("<!-- slimgate:results -->\n### slimgate results: phase A\n\nall gates passed"
        + "\n\nBranch `slimgate/phase-a` at `0123456789ab`. Full report:"
        + " [r.md](https://forge/r.md)\n", note);
  }

  private MergeRequestContent write(Promotion promotion, int limit) {
    return writer.write(promotion, "slimgate/phase-a", COMMIT, "GitLab", limit, limit,
        "https://forge/r.md");
  }

  private static Promotion promotion(String report, List<String> labels) {
    return new Promotion("A", List.of(new FileChange("Dockerfile",
        "FROM scratch\n".getBytes(StandardCharsets.UTF_8), false)), report, "r.md", "title",
        "all gates passed", labels);
  }
}
