package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgateRegressStepTest extends SlimgatePipelineTest {

  static final String LINE = "bin/slimgate regress --plan 'phases/plan.yaml' --baseline 'medimproc:baseline' " +
      "--candidate 'medimproc:phase-a' --out 'slimgate-out/regression'"

  Map regress(String verdict, int status = 0) {
    mocks.expectSh(LINE, status)
    mocks.jsonFiles['slimgate-out/regression/regression.json'] =
        [schema: 'slimgate.regression/1', verdict: verdict]
    return step('slimgateRegress')(baseline: 'medimproc:baseline', candidate: 'medimproc:phase-a')
  }

  @Test
  void defaultsGiveTheExactEngineCommandLine() {
    regress('pass')

    assertShellCommands([LINE])
  }

  @Test
  void passLeavesTheBuildSuccessful() {
    regress('pass')

    assertEquals('SUCCESS', result())
  }

  @Test
  void failMakesTheBuildFail() {
    regress('fail', 1)

    assertEquals('FAILURE', result())
  }

  @Test
  void inconclusiveMakesTheBuildUnstable() {
    regress('inconclusive', 1)

    assertEquals('UNSTABLE', result())
  }

  @Test
  void returnsTheVerdict() {
    assertEquals([verdict: 'inconclusive', exitCode: 1, out: 'slimgate-out/regression',
                  result: 'slimgate-out/regression/regression.json'], plain(regress('inconclusive', 1)))
  }

  @Test
  void publishesOnSuccess() {
    regress('pass')

    assertEquals(['slimgate-out/regression/**'], argumentsOf('archiveArtifacts')*.artifacts)
  }

  @Test
  void publishesOnFailure() {
    regress('fail', 1)

    assertEquals(['slimgate-out/regression/junit/*.xml'], argumentsOf('junit')*.testResults)
  }

  @Test
  void publishesTheHtmlReport() {
    regress('pass')

    assertEquals([[reportName: 'slimgate regression medimproc:phase-a', reportDir: 'slimgate-out/regression',
                   reportFiles: 'report.html', keepAll: true, alwaysLinkToLastBuild: true, allowMissing: true]],
        argumentsOf('publishHTML')*.target)
  }

  @Test
  void aTimedOutInfrastructureEndsTheStep() {
    String message = errorOf { regress('pass', 3) }

    assertTrue(message, message.startsWith('slimgateRegress: infrastructure failure (exit 3'))
  }

  @Test
  void anUnusedExitCodeIsExplained() {
    String message = errorOf { regress('pass', 137) }

    assertTrue(message, message.contains('exit 137, which slimgate never uses'))
  }

  @Test
  void bothImagesAreRequired() {
    String message = errorOf { step('slimgateRegress')() }

    assertTrue(message, message.contains('baseline is required\n  - candidate is required'))
  }
}
