package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintSettingsYamlTest {

  private final LintSettingsYaml yaml = new LintSettingsYaml();

  @Test
  void planWithoutLintSectionKeepsTheMedimprocDefaults() {
    LintSettings settings = yaml.read("plan.yaml", "version: 1\nimage: {name: x}\n");

    // Pattern has no equals(): compare the printed records.
    assertEquals(LintSettings.medimproc().toString(), settings.toString());
  }

  @Test
  void readsSeverities() throws IOException {
    LintSettings settings = read();

    assertEquals(Level.OFF, settings.severity().get("SG112"));
  }

  @Test
  void readsUnusedPackages() throws IOException {
    assertEquals(Set.of("torchvision", "torchaudio"), read().unusedPackages());
  }

  @Test
  void readsDistributions() throws IOException {
    Distribution d = read().distributions().get(0);

    assertEquals(List.of("FreeSurfer", "freesurfer/trctrain, freesurfer/docs"),
        List.of(d.name(), String.join(", ", d.unneeded())));
  }

  @Test
  void badLevelIsReportedWithLineAndColumn() {
    UsageException e = assertThrows(UsageException.class, () -> yaml.read("p.yaml",
        "lint:\n  severity:\n    SG101: fatal\n"));

    assertTrue(e.getMessage().startsWith("p.yaml:3:12: level 'fatal' of SG101"), e.getMessage());
  }

  @Test
  void invalidYamlIsAUsageErrorWithPosition() {
    UsageException e = assertThrows(UsageException.class, () -> yaml.read("p.yaml",
        "lint:\n  severity: [unclosed\n"));

    assertTrue(e.getMessage().startsWith("p.yaml:3:"), e.getMessage());
  }

  private LintSettings read() throws IOException {
    return yaml.read("relaxed.plan.yaml",
        FixtureFiles.read("test/fixtures/dockerfiles/plans/relaxed.plan.yaml"));
  }
}
