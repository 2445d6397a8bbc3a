package dev.slimgate.jenkins

import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class PhasedRolloutStepTest extends SlimgatePipelineTest {

  static String planShow(String phase) {
    return "bin/slimgate plan show --plan 'phases/plan.yaml' --phase '${phase}' --repo '.' --format json " +
        "--output 'slimgate-out/plan-${phase}.json'"
  }

  static final String LINT = "bin/slimgate lint 'phases/A/Dockerfile' --plan 'phases/plan.yaml' " +
      "--format sarif --output 'slimgate-out/lint/lint.sarif'"
  static final String RUN_A =
      "bin/slimgate run --plan 'phases/plan.yaml' --phase 'A' --repo '.' --out 'slimgate-out/run'"
  static final String REGRESS_A = "bin/slimgate regress --plan 'phases/plan.yaml' --baseline 'medimproc:baseline' " +
      "--candidate 'medimproc:phase-a' --out 'slimgate-out/run/regression/medimproc'"
  static final String PUBLISH_A = "bin/slimgate publish --run-dir 'slimgate-out/run' --phase 'A' --repo '.' " +
      "--plan 'phases/plan.yaml'"
  static final String NOTIFY = "bin/slimgate notify --summary 'slimgate-out/run/chat-summary.json' " +
      "--state-dir '.slimgate/chat' --run-dir 'slimgate-out/run' --plan 'phases/plan.yaml'"
  static final List SERVICES = ['preproc', 'recon', 'tractography']

  void phaseA(String runVerdict, Map overrides = [:]) {
    mocks.expectSh(planShow('A'))
    mocks.jsonFiles['slimgate-out/plan-A.json'] = [schema: 'slimgate.plan-view/1', phase: 'A',
        gates: ['lint', 'tools', 'size', 'regression'], dockerfiles: ['phases/A/Dockerfile'],
        images: ['medimproc:baseline', 'medimproc:phase-a'],
        candidates: [[name: 'medimproc', image: 'medimproc:phase-a', regressionAgent: 'regression-long']]] +
        overrides
    mocks.expectSh("mkdir -p 'slimgate-out/lint'")
    mocks.expectSh(LINT)
    mocks.expectSh(RUN_A, runVerdict == 'pass' ? 0 : 1)
    mocks.jsonFiles['slimgate-out/run/report.json'] = SlimgateRunStepTest.report(runVerdict)
    mocks.expectSh(REGRESS_A)
    mocks.jsonFiles['slimgate-out/run/regression/medimproc/regression.json'] = [verdict: 'pass']
    mocks.expectSh(PUBLISH_A)
    mocks.expectSh(NOTIFY)
  }

  void phaseC() {
    mocks.expectSh(planShow('C'))
    mocks.jsonFiles['slimgate-out/plan-C.json'] = [phase: 'C', gates: ['tools', 'size', 'regression'],
        dockerfiles: SERVICES.collect { "phases/C/${it}/Dockerfile" },
        images: ['medimproc:baseline'] + SERVICES.collect { "${it}:phase-c" },
        candidates: SERVICES.collect {
          [name: it, image: "${it}:phase-c", regressionAgent: it == 'recon' ? 'big' : null]
        }]
    mocks.expectSh("mkdir -p 'slimgate-out/lint'")
    mocks.expectSh(~/bin\/slimgate lint .*/)
    mocks.expectSh("bin/slimgate run --plan 'phases/plan.yaml' --phase 'C' --repo '.' --out 'slimgate-out/run'")
    mocks.jsonFiles['slimgate-out/run/report.json'] = [verdict: 'pass', baseline: [image: 'medimproc:baseline'],
        candidates: SERVICES.collect { [name: it, image: "${it}:phase-c"] }]
    SERVICES.each { String service ->
      mocks.expectSh("bin/slimgate regress --plan 'phases/plan.yaml' --baseline 'medimproc:baseline' " +
          "--candidate '${service}:phase-c' --out 'slimgate-out/run/regression/${service}'")
      mocks.jsonFiles["slimgate-out/run/regression/${service}/regression.json".toString()] =
          [verdict: service == 'recon' ? 'inconclusive' : 'pass']
    }
    mocks.expectSh("bin/slimgate publish --run-dir 'slimgate-out/run' --phase 'C' --repo '.' --plan 'phases/plan.yaml'")
    mocks.expectSh(NOTIFY)
  }

  @Test
  void defaultsRunTheWholePipelineThroughTheEngine() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertShellCommands([planShow('A'), "mkdir -p 'slimgate-out/lint'", LINT, RUN_A, REGRESS_A, PUBLISH_A, NOTIFY])
  }

  @Test
  void aPhaseWithoutTheLintGateIsNotLinted() {
    phaseA('pass', [gates: ['tools', 'size', 'regression']])

    step('phasedRollout')(phase: 'A')

    assertShellCommands([planShow('A'), RUN_A, REGRESS_A, PUBLISH_A, NOTIFY])
  }

  @Test
  void theStagesAreThoseOfTheRollout() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals(['Plan', 'Lint', 'Build, check, size', 'Regression', 'Merge request', 'Chat'],
        mocks.callsOf('stage').collect { it[0] })
  }

  @Test
  void aPassingPhaseLeavesTheBuildSuccessful() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals('SUCCESS', result())
  }

  @Test
  void returnsTheVerdicts() {
    phaseA('pass')

    Map r = step('phasedRollout')(phase: 'A')

    assertEquals([verdict: 'pass', regression: [medimproc: 'pass'], out: 'slimgate-out',
                  report: 'slimgate-out/run/report.json'], plain(r))
  }

  @Test
  void theRegressionRunsOnTheAgentLabelThePlanNames() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals(['slimgate', 'regression-long', 'slimgate'], mocks.callsOf('node').collect { it[0] })
  }

  @Test
  void theBuildHoldsALockOnEveryImageItBuilds() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals([resource: 'slimgate-image:medimproc:baseline',
                  extra: [[resource: 'slimgate-image:medimproc:phase-a']]], argumentsOf('lock')[0])
  }

  @Test
  void theRegressionHoldsTheLockOfItsImage() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals([resource: 'slimgate-image:medimproc:phase-a'], argumentsOf('lock')[1])
  }

  @Test
  void milestonesLetANewerCommitSupersedeThisBuild() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertEquals([1, 2, 3, 4], argumentsOf('milestone')*.ordinal)
  }

  @Test
  void phaseCRunsOneParallelBranchPerService() {
    phaseC()

    step('phasedRollout')(phase: 'C')

    assertEquals([SERVICES], argumentsOf('parallel').collect { it.keySet().toList() })
  }

  @Test
  void phaseCRegressesEveryServiceOnItsOwnAgent() {
    phaseC()

    step('phasedRollout')(phase: 'C', regressionAgent: 'long')

    assertEquals(['slimgate', 'long', 'big', 'long', 'slimgate'], mocks.callsOf('node').collect { it[0] })
  }

  @Test
  void phaseCLocksEveryImage() {
    phaseC()

    step('phasedRollout')(phase: 'C')

    assertEquals(['slimgate-image:medimproc:baseline', 'slimgate-image:preproc:phase-c',
                  'slimgate-image:recon:phase-c', 'slimgate-image:tractography:phase-c'],
        [argumentsOf('lock')[0].resource] + argumentsOf('lock')[0].extra*.resource)
  }

  @Test
  void anInconclusiveServiceMakesTheBuildUnstable() {
    phaseC()

    step('phasedRollout')(phase: 'C')

    assertEquals('UNSTABLE', result())
  }

  @Test
  void everyRegressionResultIsBroughtToThePublishingAgent() {
    phaseC()

    step('phasedRollout')(phase: 'C')

    assertEquals(['slimgate-run'] + SERVICES.collect { "slimgate-regression-${it}".toString() },
        mocks.callsOf('unstash').collect { it[0] })
  }

  @Test
  void aFailedBuildSkipsTheRegression() {
    phaseA('fail')

    step('phasedRollout')(phase: 'A')

    assertTrue(!mocks.shScripts.contains(REGRESS_A))
  }

  @Test
  void aFailedBuildIsStillPublishedAndTold() {
    phaseA('fail')

    step('phasedRollout')(phase: 'A')

    assertEquals([PUBLISH_A, NOTIFY], mocks.shScripts.takeRight(2))
  }

  @Test
  void aFailedBuildFails() {
    phaseA('fail')

    step('phasedRollout')(phase: 'A')

    assertEquals('FAILURE', result())
  }

  @Test
  void aPhaseWithoutARegressionGateSkipsIt() {
    phaseA('pass', [gates: ['tools', 'size']])

    step('phasedRollout')(phase: 'A')

    assertTrue(mocks.echoes.contains('INFO: skipping regression: phase A has no regression gate'))
  }

  @Test
  void regressionFalseSkipsIt() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A', regression: false)

    assertTrue(!mocks.shScripts.contains(REGRESS_A))
  }

  @Test
  void mergeRequestFalsePublishesNothing() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A', mergeRequest: false)

    assertTrue(!mocks.shScripts.contains(PUBLISH_A))
  }

  @Test
  void chatIsToldEvenWhenPublishingFails() {
    phaseA('pass')
    mocks.shAnswers.removeAll { it.match == PUBLISH_A }
    mocks.expectSh(PUBLISH_A, 3)

    errorOf { step('phasedRollout')(phase: 'A') }

    assertEquals(NOTIFY, mocks.shScripts.last())
  }

  @Test
  void aChatOutageLeavesTheResultAlone() {
    phaseA('pass')
    mocks.shAnswers.removeAll { it.match == NOTIFY }
    mocks.expectSh(NOTIFY, 3)

    step('phasedRollout')(phase: 'A')

    assertEquals('SUCCESS', result())
  }

  @Test
  void credentialsAreBoundForTheForgeAndChatOnly() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A', forgeCredentialsId: 'gitlab-bot', slackCredentialsId: 'slack-bot')

    assertEquals(['gitlab-bot': 'SLIMGATE_FORGE_TOKEN', 'slack-bot': 'SLIMGATE_SLACK_TOKEN'], mocks.secretsBound)
  }

  @Test
  void noSecretReachesAnyCommand() {
    phaseA('pass')

    step('phasedRollout')(phase: 'A')

    assertNoSecretInAnyCommand()
  }

  @Test
  void aMissingPhaseIsRefusedBeforeAnAgentIsTaken() {
    errorOf { step('phasedRollout')() }

    assertEquals([], mocks.callsOf('node'))
  }

  @Test
  void everyProblemIsListed() {
    String message = errorOf { step('phasedRollout')(phase: 'X', chat: 'yes', agent: '', lables: 'x') }

    assertEquals(["unknown argument 'lables'", "agent is required", "phase is 'X'", "chat is 'yes'"],
        message.readLines().findAll { it.startsWith('  - ') }.collect { it.substring(4).tokenize(';')[0] })
  }
}
