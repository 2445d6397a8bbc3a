package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgatePublishStepTest extends SlimgatePipelineTest {

  static final String LINE = "bin/slimgate publish --run-dir 'slimgate-out/run' --phase 'A' --repo '.'"

  @Test
  void defaultsGiveTheExactEngineCommandLine() {
    mocks.expectSh(LINE)

    step('slimgatePublish')(phase: 'A')

    assertShellCommands([LINE])
  }

  @Test
  void forgeSettingsReachTheCommandLine() {
    String line = LINE + " --git-remote 'https://gitlab.example.org/g/m.git' --forge 'gitlab' " +
        "--forge-url 'https://gitlab.example.org' --forge-project 'g/m'"
    mocks.expectSh(line)

    step('slimgatePublish')(phase: 'A', gitRemote: 'https://gitlab.example.org/g/m.git', forge: 'gitlab',
        forgeUrl: 'https://gitlab.example.org', forgeProject: 'g/m')

    assertShellCommands([line])
  }

  @Test
  void theTokenIsBoundToTheEnvironmentVariableTheEngineReads() {
    mocks.expectSh(LINE)

    step('slimgatePublish')(phase: 'A')

    assertEquals([['slimgate-forge-token': 'SLIMGATE_FORGE_TOKEN']], [mocks.secretsBound])
  }

  @Test
  void theTokenNeverReachesTheCommandLine() {
    mocks.expectSh(LINE)

    step('slimgatePublish')(phase: 'A')

    assertNoSecretInAnyCommand()
  }

  @Test
  void noTokenIsBoundWithoutAForge() {
    mocks.expectSh(LINE + " --forge 'none'")

    step('slimgatePublish')(phase: 'A', forge: 'none')

    assertEquals([:], mocks.secretsBound)
  }

  @Test
  void noTokenIsBoundWithoutACredential() {
    mocks.expectSh(LINE)

    step('slimgatePublish')(phase: 'A', credentialsId: null)

    assertEquals([:], mocks.secretsBound)
  }

  @Test
  void anUnreachableForgeFailsTheStep() {
    mocks.expectSh(LINE, 3)

    String message = errorOf { step('slimgatePublish')(phase: 'A') }

    assertTrue(message, message.startsWith('slimgatePublish: infrastructure failure (exit 3'))
  }

  @Test
  void anUnknownForgeIsRefused() {
    String message = errorOf { step('slimgatePublish')(phase: 'A', forge: 'bitbucket') }

    assertTrue(message, message.contains("forge is 'bitbucket'; use gitlab, github or none"))
  }

  @Test
  void thePhaseIsRequired() {
    String message = errorOf { step('slimgatePublish')() }

    assertTrue(message, message.contains('phase is required'))
  }
}
