package dev.slimgate.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slimgate.core.UsageException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForgeSettingsTest {

  @ParameterizedTest
  @CsvSource({"A, slimgate/phase-a", "b, slimgate/phase-b", "C2, slimgate/phase-c2"})
  void eachPhaseHasAStableBranch(String phase, String branch) {
    assertEquals(branch, ForgeSettings.pushOnly("/tmp/r.git", null).branchFor(phase));
  }

  @Test
  void aPhaseIdWithSlashesIsRefused() {
    UsageException error = assertThrows(UsageException.class,
        () -> ForgeSettings.pushOnly("/tmp/r.git", null).branchFor("../main"));

    assertEquals("phase '../main' is not a phase id: give one such as A", error.getMessage());
  }

  @Test
  void theTargetBranchDefaultsToMain() {
    assertEquals("main", ForgeSettings.pushOnly("/tmp/r.git", " ").targetBranch());
  }

  @Test
  void aForgeUrlWithCredentialsIsRefused() {
    ForgeSettings settings = new ForgeSettings(ForgeType.GITLAB,
        URI.create("https://user:secret@gitlab.example.org"), "group/p", "/tmp/r.git", "main",
        null, null);

    UsageException error = assertThrows(UsageException.class, settings::validate);

    assertEquals("forge settings are incomplete:\n  - forge URL must not carry credentials: put"
        + " the token in SLIMGATE_FORGE_TOKEN", error.getMessage());
  }

  @Test
  void aGitHubProjectNeedsOwnerAndRepo() {
    ForgeSettings settings = new ForgeSettings(ForgeType.GITHUB,
        URI.create("https://api.github.com"), "a/b/c", "/tmp/r.git", "main", null, null);

    UsageException error = assertThrows(UsageException.class, settings::validate);

    assertEquals("forge settings are incomplete:\n  - forge project 'a/b/c' is not a project"
        + " path: give owner/repo", error.getMessage());
  }

  @Test
  void aTargetBranchUnderTheSlimgatePrefixIsRefused() {
    UsageException error = assertThrows(UsageException.class,
        () -> ForgeSettings.pushOnly("/tmp/r.git", "slimgate/phase-a").validate());

    assertEquals("forge settings are incomplete:\n  - target branch 'slimgate/phase-a' is not"
        + " usable: give a plain branch name such as main (--target-branch or"
        + " forge.target_branch)", error.getMessage());
  }

  @Test
  void theTokenComesFromTheEnvironmentAndNeverPrintsItself() {
    Optional<ForgeToken> token = ForgeToken.fromEnvironment(
        Map.of("SLIMGATE_FORGE_TOKEN", "s3cr3t-value"));

    assertEquals("s3cr3t-value", token.orElseThrow().reveal());
    assertFalse(token.toString().contains("s3cr3t"));
  }

  @Test
  void aBlankTokenCountsAsNone() {
    assertEquals(Optional.empty(),
        ForgeToken.fromEnvironment(Map.of("SLIMGATE_FORGE_TOKEN", "  ")));
  }
}
