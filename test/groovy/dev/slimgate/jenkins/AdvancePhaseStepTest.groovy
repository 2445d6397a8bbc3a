package dev.slimgate.jenkins

import org.junit.Before
import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue

class AdvancePhaseStepTest extends SlimgatePipelineTest {

  static final String GIT_AUTHOR = 'git log -1 --format=%ae'
  static final String PUBLISH = "bin/slimgate publish --run-dir 'slimgate-out/run' --phase 'B' --repo '.'"
  static final String NOTIFY = "bin/slimgate notify --summary 'slimgate-out/run/phase-change.json' " +
      "--state-dir '.slimgate/chat' --run-dir 'slimgate-out/run'"

  static String advance(String approver, String reason) {
    return "bin/slimgate advance --state 'phases/state.yaml' --phase 'B' --approver '${approver}' " +
        "--author 'bob@example.org' --reason '${reason}' --report 'slimgate-out/run/report.json' " +
        "--output 'slimgate-out/run/phase-change.json'"
  }

  @Before
  void evidenceAndEngine() {
    mocks.expectSh(GIT_AUTHOR, 0, 'bob@example.org\n')
    mocks.jsonFiles['slimgate-out/run/report.json'] = SlimgateRunStepTest.report('pass') + [phase: 'B']
    mocks.jsonFiles['slimgate-out/run/phase-change.json'] = [schema: 'slimgate.phase-change/1',
        action: 'advance', from: 'A', to: 'B', approver: 'alice', author: 'bob@example.org',
        at: '2026-12-04T16:00:00Z', reason: 'all gates green', state: 'phases/state.yaml']
    mocks.expectSh(PUBLISH)
    mocks.expectSh(NOTIFY)
  }

  Map approve(String approver = 'alice', String reason = 'all gates green', int engineExit = 0, Map args = [:]) {
    mocks.inputAnswer = [approver: approver, reason: reason]
    mocks.expectSh(advance(approver, reason), engineExit)
    return step('advancePhase')([phase: 'B', releaseManagers: 'release-managers'] + args)
  }

  @Test
  void evidenceOfAnotherCommitIsRefused() {
    mocks.checkoutResult = [GIT_COMMIT: 'c0ffee']
    mocks.jsonFiles['slimgate-out/run/report.json'] =
        SlimgateRunStepTest.report('pass') + [phase: 'B', commit: 'decade']

    String message = errorOf { step('advancePhase')(phase: 'B', releaseManagers: 'release-managers') }

    assertTrue(message, message.contains('is of commit decade, but this checkout is c0ffee'))
  }

  @Test
  void evidenceOfThisCommitIsAccepted() {
    mocks.checkoutResult = [GIT_COMMIT: 'c0ffee']
    mocks.jsonFiles['slimgate-out/run/report.json'] =
        SlimgateRunStepTest.report('pass') + [phase: 'B', commit: 'c0ffee']

    assertEquals('B', approve().phase)
  }

  @Test
  void anApprovalRunsTheEngineCommandsInOrder() {
    approve()

    assertShellCommands([GIT_AUTHOR, advance('alice', 'all gates green'), PUBLISH, NOTIFY])
  }

  @Test
  void returnsWhoWhenAndWhy() {
    assertEquals([phase: 'B', approver: 'alice', author: 'bob@example.org', at: '2026-12-04T16:00:00Z',
                  reason: 'all gates green'], plain(approve()))
  }

  @Test
  void onlyReleaseManagersMayAnswer() {
    approve()

    assertEquals(['release-managers', 'approver'],
        [argumentsOf('input')[0].submitter, argumentsOf('input')[0].submitterParameter])
  }

  @Test
  void theQuestionShowsTheEvidenceAndTheAuthor() {
    approve()

    assertEquals('Advance the rollout to phase B? Evidence: slimgate-out/run/report.json (verdict pass). ' +
        'The change is by bob@example.org, who cannot approve it.', argumentsOf('input')[0].message)
  }

  @Test
  void theReasonIsAsked() {
    approve()

    assertEquals(['reason'], argumentsOf('input')[0].parameters*.name)
  }

  @Test
  void theEvidenceIsArchivedWithTheBuild() {
    approve()

    assertEquals('slimgate-out/run/**', argumentsOf('archiveArtifacts')[0].artifacts)
  }

  @Test
  void waitingForApprovalHoldsNoAgent() {
    approve()

    assertEquals([0], mocks.inputNodeDepths)
  }

  @Test
  void theApprovalWaitsAtMostTheTimeout() {
    approve('alice', 'all gates green', 0, [timeoutHours: 8])

    assertEquals([[time: 8, unit: 'HOURS']], argumentsOf('timeout'))
  }

  @Test
  void theAuthorsOwnApprovalIsRefused() {
    String message = errorOf { approve('bob', 'mine is fine', 2) }

    assertTrue(message, message.startsWith('advancePhase: slimgate advance refused or failed (exit 2); ' +
        'nothing was recorded'))
  }

  @Test
  void theAuthorsOwnApprovalIsHandedToTheEngineToRefuse() {
    errorOf { approve('bob', 'mine is fine', 2) }

    assertTrue(mocks.shScripts.contains(advance('bob', 'mine is fine')))
  }

  @Test
  void anEmptyReasonIsHandedToTheEngineToRefuse() {
    errorOf { approve('alice', '', 2) }

    assertTrue(mocks.shScripts.contains(advance('alice', '')))
  }

  @Test
  void aRefusalOpensNoMergeRequestAndTellsNoChat() {
    errorOf { approve('alice', '', 2) }

    assertEquals([GIT_AUTHOR, advance('alice', '')], mocks.shScripts)
  }

  @Test
  void theChangeIsPublishedWithTheForgeToken() {
    approve()

    assertEquals(['slimgate-forge-token': 'SLIMGATE_FORGE_TOKEN', 'slimgate-slack-token': 'SLIMGATE_SLACK_TOKEN'],
        mocks.secretsBound)
  }

  @Test
  void noSecretReachesAnyCommand() {
    approve()

    assertNoSecretInAnyCommand()
  }

  @Test
  void theStateFileAndTheChangeAreArchived() {
    approve()

    assertEquals('slimgate-out/run/phase-change.json,phases/state.yaml', argumentsOf('archiveArtifacts')[1].artifacts)
  }

  @Test
  void aChatOutageIsOnlyAWarning() {
    mocks.shAnswers.removeAll { it.match == NOTIFY }
    mocks.expectSh(NOTIFY, 3)

    approve()

    assertEquals('SUCCESS', result())
  }

  @Test
  void anAuthorArgumentReplacesTheCommitsAuthor() {
    mocks.shAnswers.removeAll { it.match == GIT_AUTHOR }

    approve('alice', 'all gates green', 0, [author: 'bob@example.org'])

    assertTrue(!mocks.shScripts.contains(GIT_AUTHOR))
  }

  @Test
  void evidenceCanComeFromTheRolloutJob() {
    approve('alice', 'all gates green', 0, [fromJob: 'medimproc/main'])

    assertEquals([[projectName: 'medimproc/main', selector: [selector: 'lastSuccessful'],
                   filter: 'slimgate-out/run/**']], argumentsOf('copyArtifacts'))
  }

  @Test
  void withoutEvidenceNobodyIsAsked() {
    mocks.jsonFiles.remove('slimgate-out/run/report.json')
    mocks.inputAnswer = [approver: 'alice', reason: 'x']

    errorOf { step('advancePhase')(phase: 'B', releaseManagers: 'release-managers') }

    assertEquals([], mocks.inputNodeDepths)
  }

  @Test
  void releaseManagersAreRequired() {
    String message = errorOf { step('advancePhase')(phase: 'B') }

    assertTrue(message, message.contains('releaseManagers is required'))
  }

  @Test
  void aTimeoutThatIsNoWholeNumberOfHoursIsRefused() {
    String message = errorOf { step('advancePhase')(phase: 'B', releaseManagers: 'rm', timeoutHours: '2d') }

    assertTrue(message, message.contains("timeoutHours is '2d'; give a whole number of hours"))
  }

  @Test
  void refusalTakesNoAgent() {
    errorOf { step('advancePhase')(phase: 'Z', releaseManagers: 'rm') }

    assertEquals([], mocks.callsOf('node'))
  }
}
