package dev.slimgate.jenkins

import com.lesfurets.jenkins.unit.cps.BasePipelineTestCPS
import org.junit.Before
import org.junit.Test

import static org.junit.Assert.assertEquals

/**
 * The pipelines again under JenkinsPipelineUnit's CPS interpreter, which serialises the program
 * state at every step as Jenkins does when it saves a running build: a step that keeps something
 * unserialisable in a variable fails here. (JenkinsPipelineUnit calls this check experimental.)
 */
class CpsJenkinsfileTest extends BasePipelineTestCPS {

  PipelineMocks mocks = new PipelineMocks(this)

  @Before
  @Override
  void setUp() {
    mocks.configure('')
    super.setUp()
    mocks.install(false)
  }

  @Test
  void theJenkinsfileSurvivesSerialisation() {
    JenkinsfileTest.expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertEquals(7, mocks.callsOf('stage').size())
  }

  @Test
  void advancePhaseSurvivesSerialisation() {
    mocks.expectSh(AdvancePhaseStepTest.GIT_AUTHOR, 0, 'bob@example.org\n')
    mocks.jsonFiles['slimgate-out/run/report.json'] = [phase: 'B', verdict: 'pass']
    mocks.inputAnswer = [approver: 'alice', reason: 'all gates green']
    mocks.expectSh(AdvancePhaseStepTest.advance('alice', 'all gates green'))
    mocks.jsonFiles['slimgate-out/run/phase-change.json'] = [to: 'B', approver: 'alice', at: 'now', reason: 'r']
    mocks.expectSh(AdvancePhaseStepTest.PUBLISH)
    mocks.expectSh(AdvancePhaseStepTest.NOTIFY)

    runScript('test/groovy/jobs/approvalJob.jenkins')

    assertEquals(['Evidence', 'Approval', 'Record', 'Merge request', 'Chat'], mocks.callsOf('stage').collect { it[0] })
  }

  @Test
  void phaseCWithParallelBranchesSurvivesSerialisation() {
    PhasedRolloutStepTest t = new PhasedRolloutStepTest(mocks: mocks)
    t.phaseC()

    runScript('test/groovy/jobs/phaseCJob.jenkins')

    assertEquals(['Plan', 'Lint', 'Build, check, size', 'Regression', 'Merge request', 'Chat'],
        mocks.callsOf('stage').collect { it[0] })
  }
}
