package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgateNotifyStepTest extends SlimgatePipelineTest {

  static final String LINE = "bin/slimgate notify --summary 'slimgate-out/run/chat-summary.json' " +
      "--state-dir '.slimgate/chat' --run-dir 'slimgate-out/run'"

  @Test
  void defaultsGiveTheExactEngineCommandLine() {
    mocks.expectSh(LINE)

    step('slimgateNotify')()

    assertShellCommands([LINE])
  }

  @Test
  void channelAndReleaseManagersReachTheCommandLine() {
    mocks.expectSh(LINE + " --channel '#medimproc' --release-managers 'S0123ABCD'")

    step('slimgateNotify')(channel: '#medimproc', releaseManagers: 'S0123ABCD')

    assertEquals(1, mocks.shScripts.size())
  }

  @Test
  void theBotTokenIsBoundToTheEnvironmentVariableTheEngineReads() {
    mocks.expectSh(LINE)

    step('slimgateNotify')()

    assertEquals(['slimgate-slack-token': 'SLIMGATE_SLACK_TOKEN'], mocks.secretsBound)
  }

  @Test
  void aWebhookIsBoundInsteadOfTheToken() {
    mocks.expectSh(LINE)

    step('slimgateNotify')(webhookCredentialsId: 'team-hook')

    assertEquals(['team-hook': 'SLIMGATE_SLACK_WEBHOOK'], mocks.secretsBound)
  }

  @Test
  void noCredentialMeansTheConsole() {
    mocks.expectSh(LINE)

    step('slimgateNotify')(credentialsId: null)

    assertEquals([:], mocks.secretsBound)
  }

  @Test
  void theSecretNeverReachesTheCommandLine() {
    mocks.expectSh(LINE)

    step('slimgateNotify')(webhookCredentialsId: 'team-hook')

    assertNoSecretInAnyCommand()
  }

  @Test
  void aMessageSentIsReported() {
    mocks.expectSh(LINE)

    assertEquals([sent: true, exitCode: 0], step('slimgateNotify')())
  }

  @Test
  void aChatOutageIsOnlyAWarning() {
    mocks.expectSh(LINE, 3)

    step('slimgateNotify')()

    assertEquals('SUCCESS', result())
  }

  @Test
  void aChatOutageSaysSoOnAWarningLine() {
    mocks.expectSh(LINE, 3)

    Map r = step('slimgateNotify')()

    assertEquals([false, true],
        [r.sent, mocks.echoes.any { it.startsWith('WARNING: slimgateNotify: chat was not told') }])
  }

  @Test
  void aMissingCredentialIsOnlyAWarning() {
    helper.registerAllowedMethod('withCredentials', [List, Closure]) { List b, Closure c ->
      throw new IllegalStateException('Could not find credentials entry with ID \'slimgate-slack-token\'')
    }

    step('slimgateNotify')()

    assertEquals('SUCCESS', result())
  }

  @Test
  void anAbortedBuildIsNotSwallowed() {
    helper.registerAllowedMethod('withCredentials', [List, Closure]) { List b, Closure c ->
      throw new FlowInterruptedException()
    }

    try {
      step('slimgateNotify')()
    } catch (FlowInterruptedException expected) {
      return
    }
    throw new AssertionError('the abort was swallowed')
  }

  @Test
  void aMissingSummaryIsRefused() {
    String message = errorOf { step('slimgateNotify')(summary: null) }

    assertTrue(message, message.contains('summary is required'))
  }

  /** Stands in for Jenkins' org.jenkinsci.plugins.workflow.steps.FlowInterruptedException. */
  static class FlowInterruptedException extends RuntimeException {
  }
}
