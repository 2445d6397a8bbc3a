package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class SlimgateRunStepTest extends SlimgatePipelineTest {

  static final String DEFAULT_LINE =
      "bin/slimgate run --plan 'phases/plan.yaml' --phase 'A' --repo '.' --out 'slimgate-out/run'"

  static Map report(String verdict) {
    return [schema: 'slimgate.report/1', phase: 'A', verdict: verdict, exitCode: 0,
            baseline: [image: 'medimproc:baseline', bytes: 100],
            candidates: [[name: 'medimproc', image: 'medimproc:phase-a', bytes: 60, budgetBytes: 80]],
            reasons: [], warnings: []]
  }

  void engineAnswers(String verdict, int status = 0) {
    mocks.expectSh(DEFAULT_LINE, status)
    mocks.jsonFiles['slimgate-out/run/report.json'] = report(verdict)
  }

  @Test
  void defaultsGiveTheExactEngineCommandLine() {
    engineAnswers('pass')

    step('slimgateRun')(phase: 'A')

    assertShellCommands([DEFAULT_LINE])
  }

  @Test
  void everyArgumentReachesTheCommandLineQuoted() {
    mocks.expectSh("bin/slimgate run --plan 'my plan.yaml' --phase 'C' --repo 'img' --out 'o'\"'\"'x'")
    mocks.jsonFiles["o'x/report.json"] = report('pass')

    step('slimgateRun')(plan: 'my plan.yaml', phase: 'C', repo: 'img', out: "o'x")

    assertEquals(1, mocks.shScripts.size())
  }

  @Test
  void engineJarRunsThatJar() {
    mocks.expectSh("java -jar '/opt/slimgate.jar' run --plan 'phases/plan.yaml' --phase 'A' " +
        "--repo '.' --out 'slimgate-out/run'")
    mocks.jsonFiles['slimgate-out/run/report.json'] = report('pass')

    step('slimgateRun')(phase: 'A', engineJar: '/opt/slimgate.jar')

    assertEquals(1, mocks.shScripts.size())
  }

  @Test
  void passLeavesTheBuildSuccessful() {
    engineAnswers('pass')

    step('slimgateRun')(phase: 'A')

    assertEquals('SUCCESS', result())
  }

  @Test
  void failMakesTheBuildFail() {
    engineAnswers('fail', 1)

    step('slimgateRun')(phase: 'A')

    assertEquals('FAILURE', result())
  }

  @Test
  void inconclusiveMakesTheBuildUnstable() {
    engineAnswers('inconclusive', 1)

    step('slimgateRun')(phase: 'A')

    assertEquals('UNSTABLE', result())
  }

  @Test
  void anUnknownVerdictEndsTheStep() {
    engineAnswers('maybe')

    String message = errorOf { step('slimgateRun')(phase: 'A') }

    assertTrue(message, message.contains("verdict 'maybe', none of pass, fail, inconclusive"))
  }

  @Test
  void returnsTheVerdictAndTheImages() {
    engineAnswers('fail', 1)

    Map r = step('slimgateRun')(phase: 'A')

    assertEquals([verdict: 'fail', exitCode: 1, out: 'slimgate-out/run',
                  report: 'slimgate-out/run/report.json', baseline: 'medimproc:baseline',
                  candidates: [[name: 'medimproc', image: 'medimproc:phase-a']]], plain(r))
  }

  @Test
  void publishesTestsReportAndFolderWhenThePhasePasses() {
    engineAnswers('pass')

    step('slimgateRun')(phase: 'A')

    assertEquals(['junit', 'publishHTML', 'archiveArtifacts'], publishingCalls())
  }

  @Test
  void publishesTestsReportAndFolderWhenThePhaseFails() {
    engineAnswers('fail', 1)

    step('slimgateRun')(phase: 'A')

    assertEquals(['junit', 'publishHTML', 'archiveArtifacts'], publishingCalls())
  }

  @Test
  void publishesTheRunFolder() {
    engineAnswers('pass')

    step('slimgateRun')(phase: 'A')

    assertEquals([[artifacts: 'slimgate-out/run/**', allowEmptyArchive: true]],
        argumentsOf('archiveArtifacts'))
  }

  @Test
  void publishesTheJUnitResultsWithoutLettingThemDecideTheResult() {
    engineAnswers('pass')

    step('slimgateRun')(phase: 'A')

    assertEquals([[testResults: 'slimgate-out/run/junit/*.xml', allowEmptyResults: true,
                   skipMarkingBuildUnstable: true]], argumentsOf('junit'))
  }

  @Test
  void anInfrastructureFailureStillPublishesWhatThereIs() {
    mocks.expectSh(DEFAULT_LINE, 3)

    errorOf { step('slimgateRun')(phase: 'A') }

    assertEquals(['junit', 'publishHTML', 'archiveArtifacts'], publishingCalls())
  }

  @Test
  void anInfrastructureFailureEndsTheStepNamingTheCommand() {
    mocks.expectSh(DEFAULT_LINE, 3)

    String message = errorOf { step('slimgateRun')(phase: 'A') }

    assertTrue(message, message.startsWith('slimgateRun: infrastructure failure (exit 3') &&
        message.contains(DEFAULT_LINE))
  }

  @Test
  void aPlanErrorEndsTheStep() {
    mocks.expectSh(DEFAULT_LINE, 2)

    String message = errorOf { step('slimgateRun')(phase: 'A') }

    assertTrue(message, message.contains('the engine refused its input (exit 2'))
  }

  @Test
  void aMissingPhaseIsRefusedBeforeAnythingRuns() {
    String message = errorOf { step('slimgateRun')() }

    assertTrue(message, message.contains('phase is required'))
  }

  @Test
  void refusalRunsNoCommand() {
    errorOf { step('slimgateRun')() }

    assertEquals([], mocks.shScripts)
  }

  @Test
  void anUnknownPhaseIsRefused() {
    String message = errorOf { step('slimgateRun')(phase: 'E') }

    assertTrue(message, message.contains("phase is 'E'; use one of A, B, C, D"))
  }

  @Test
  void anUnknownArgumentIsRefusedNamingTheKnownOnes() {
    String message = errorOf { step('slimgateRun')(phase: 'A', plna: 'x.yaml') }

    assertTrue(message, message.contains("unknown argument 'plna'; slimgateRun takes: engineJar, " +
        'engineVersion, mavenCredentialsId, mavenRepo, out, phase, plan, repo'))
  }

  @Test
  void anEmptyPlanIsRefused() {
    String message = errorOf { step('slimgateRun')(phase: 'A', plan: ' ') }

    assertTrue(message, message.contains('plan is required'))
  }

  @Test
  void everyProblemIsReportedInOneError() {
    String message = errorOf { step('slimgateRun')(plna: 'x', repo: '', engineVersion: '1.0') }

    assertEquals(4, message.readLines().count { it.startsWith('  - ') })
  }

  private List publishingCalls() {
    return helper.callStack.findAll { it.methodName in ['junit', 'publishHTML', 'archiveArtifacts'] }
        .collect { it.methodName }
  }
}
