package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertNull
import static org.junit.Assert.fail

/** The shared base test behaves like Jenkins where JenkinsPipelineUnit 1.1's own mocks do not. */
class HarnessStepTest extends SlimgatePipelineTest {

  @Test
  void errorStopsThePipeline() {
    String message = errorOf { step('slimgateEngine').error('stop here') }

    assertEquals('stop here', message)
  }

  @Test
  void errorFailsTheBuild() {
    errorOf { step('slimgateEngine').error('stop here') }

    assertEquals('FAILURE', result())
  }

  @Test
  void anUnexpectedShellCommandFailsTheTest() {
    try {
      step('slimgateEngine').sh('rm -rf /')
    } catch (AssertionError expected) {
      assertEquals('unexpected sh: rm -rf /', expected.message.readLines()[0])
      return
    }
    fail('an unexpected sh was accepted')
  }

  @Test
  void shReturnsNothingWithoutReturnStdout() {
    mocks.expectSh('echo hi', 0, 'hi\n')

    assertNull(step('slimgateEngine').sh('echo hi'))
  }

  @Test
  void aFailingShWithoutReturnStatusStopsThePipeline() {
    mocks.expectSh('false', 1)

    String message = errorOf { step('slimgateEngine').sh('false') }

    assertEquals('script returned exit code 1', message)
  }

  @Test
  void withCredentialsBindsASecretValueOnlyInsideItsBlock() {
    def script = step('slimgateEngine')
    List seen = []

    script.withCredentials([script.string(credentialsId: 'tok', variable: 'T')]) {
      seen << binding.getVariable('env').T
    }
    seen << binding.getVariable('env').T

    assertEquals(['SECRET-OF-tok', null], seen)
  }
}
