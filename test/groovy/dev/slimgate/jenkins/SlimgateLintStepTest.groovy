package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgateLintStepTest extends SlimgatePipelineTest {

  static final String LINE = "bin/slimgate lint 'Dockerfile' 'phases/A/Dockerfile' --plan 'phases/plan.yaml' " +
      "--format sarif --output 'slimgate-out/lint/lint.sarif'"

  Map lint(int status) {
    mocks.expectSh("mkdir -p 'slimgate-out/lint'")
    mocks.expectSh(LINE, status)
    return step('slimgateLint')(dockerfiles: ['Dockerfile', 'phases/A/Dockerfile'])
  }

  @Test
  void defaultsGiveTheExactEngineCommandLine() {
    lint(0)

    assertShellCommands(["mkdir -p 'slimgate-out/lint'", LINE])
  }

  @Test
  void cleanDockerfilesPass() {
    assertEquals('pass', lint(0).verdict)
  }

  @Test
  void cleanDockerfilesLeaveTheBuildSuccessful() {
    lint(0)

    assertEquals('SUCCESS', result())
  }

  @Test
  void anErrorFindingFailsTheBuild() {
    lint(1)

    assertEquals('FAILURE', result())
  }

  @Test
  void findingsAreRecordedAsSarifWhenThereAreNone() {
    lint(0)

    assertEquals([[enabledForFailure: true, tools: [[tool: 'sarif', pattern: 'slimgate-out/lint/lint.sarif',
        id: 'slimgate-lint', name: 'slimgate Dockerfile advisor']]]], argumentsOf('recordIssues'))
  }

  @Test
  void findingsAreRecordedWhenTheGateFails() {
    lint(1)

    assertEquals(1, argumentsOf('recordIssues').size())
  }

  @Test
  void theSarifFileIsArchived() {
    lint(1)

    assertEquals([[artifacts: 'slimgate-out/lint/lint.sarif', allowEmptyArchive: true]],
        argumentsOf('archiveArtifacts'))
  }

  @Test
  void aPlanErrorEndsTheStepAfterRecordingWhatThereIs() {
    String message = errorOf { lint(2) }

    assertTrue(message, message.startsWith('slimgateLint: the engine refused its input (exit 2'))
  }

  @Test
  void noDockerfilesIsRefused() {
    String message = errorOf { step('slimgateLint')() }

    assertTrue(message, message.contains('dockerfiles must be a non-empty list'))
  }

  @Test
  void aSingleStringIsRefusedAsDockerfiles() {
    String message = errorOf { step('slimgateLint')(dockerfiles: 'Dockerfile') }

    assertTrue(message, message.contains('dockerfiles must be a non-empty list'))
  }

  @Test
  void refusalRunsNoCommand() {
    errorOf { step('slimgateLint')(dockerfiles: []) }

    assertEquals([], mocks.shScripts)
  }
}
