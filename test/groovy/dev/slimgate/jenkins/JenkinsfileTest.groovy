package dev.slimgate.jenkins

import com.lesfurets.jenkins.unit.BasePipelineTest
import org.junit.Before
import org.junit.Test

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

/** The repository's own Jenkinsfile, end to end, with the library loaded through @Library. */
class JenkinsfileTest extends BasePipelineTest {

  static final String PLAN = 'test/fixtures/medimproc-mini/plan.yaml'
  static final String REPO = 'test/fixtures/medimproc-mini'
  static final String RUN =
      "bin/slimgate run --plan '${PLAN}' --phase 'A' --repo '${REPO}' --out 'slimgate-out/run'"

  PipelineMocks mocks = new PipelineMocks(this)

  @Before
  @Override
  void setUp() {
    mocks.configure('')
    super.setUp()
    mocks.install(false)
  }

  static void expectMiniaturePhaseA(PipelineMocks mocks) {
    mocks.expectSh('bin/test-all')
    mocks.expectSh("bin/slimgate plan show --plan '${PLAN}' --phase 'A' --repo '${REPO}' --format json " +
        "--output 'slimgate-out/plan-A.json'")
    mocks.jsonFiles['slimgate-out/plan-A.json'] = [phase: 'A', gates: ['lint', 'tools', 'size', 'regression'],
        dockerfiles: ['test/fixtures/medimproc-mini/phases/A/Dockerfile'],
        images: ['medimproc-mini:baseline', 'medimproc-mini:phase-a'],
        candidates: [[name: 'medimproc-mini', image: 'medimproc-mini:phase-a']]]
    mocks.expectSh("mkdir -p 'slimgate-out/lint'")
    mocks.expectSh("bin/slimgate lint 'test/fixtures/medimproc-mini/phases/A/Dockerfile' --plan '${PLAN}' " +
        "--format sarif --output 'slimgate-out/lint/lint.sarif'")
    mocks.expectSh(RUN)
    mocks.jsonFiles['slimgate-out/run/report.json'] = [verdict: 'pass',
        baseline: [image: 'medimproc-mini:baseline'],
        candidates: [[name: 'medimproc-mini', image: 'medimproc-mini:phase-a']]]
    mocks.expectSh("bin/slimgate regress --plan '${PLAN}' --baseline 'medimproc-mini:baseline' " +
        "--candidate 'medimproc-mini:phase-a' --out 'slimgate-out/run/regression/medimproc-mini'")
    mocks.jsonFiles['slimgate-out/run/regression/medimproc-mini/regression.json'] = [verdict: 'pass']
    mocks.expectSh("bin/slimgate notify --summary 'slimgate-out/run/chat-summary.json' --state-dir '.slimgate/chat' " +
        "--run-dir 'slimgate-out/run' --plan '${PLAN}'")
  }

  @Test
  void testsTheLibraryThenRunsPhaseAOfTheMiniatureImage() {
    expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertEquals(['Library tests', 'Plan', 'Lint', 'Build, check, size', 'Regression', 'Merge request', 'Chat'],
        mocks.callsOf('stage').collect { it[0] })
  }

  @Test
  void theLibraryTestsComeFirst() {
    expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertEquals('bin/test-all', mocks.shScripts[0])
  }

  @Test
  void runsTheBundledPlan() {
    expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertTrue(mocks.shScripts.contains(RUN))
  }

  @Test
  void opensNoMergeRequestForItsOwnCommits() {
    expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertTrue(mocks.shScripts.every { !it.contains(' publish ') })
  }

  @Test
  void aPassingRunIsASuccessfulBuild() {
    expectMiniaturePhaseA(mocks)

    runScript('Jenkinsfile')

    assertEquals(null, binding.getVariable('currentBuild').result)
  }

  @Test
  void failingLibraryTestsStopTheBuildAfterShowingTheirResults() {
    mocks.expectSh('bin/test-all', 1)

    try {
      runScript('Jenkinsfile')
      fail('the build went on after failing tests')
    } catch (PipelineMocks.PipelineError expected) {
      assertEquals([[testResults: 'target/surefire-reports/*.xml', allowEmptyResults: true]],
          mocks.callsOf('junit').collect { it[0] })
    }
  }

  @Test
  void usesTheLibraryInOneLine() {
    List lines = new File(PipelineMocks.ROOT, 'Jenkinsfile').readLines()

    assertEquals(["@Library('slimgate') _"], lines.findAll { it.contains('@Library') })
  }
}
