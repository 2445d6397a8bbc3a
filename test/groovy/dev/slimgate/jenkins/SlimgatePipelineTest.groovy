package dev.slimgate.jenkins

import com.lesfurets.jenkins.unit.BasePipelineTest
import org.junit.Before

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertTrue
import static org.junit.Assert.fail

/**
 * Base of the step tests: the library loaded from the project sources, error that throws, sh that
 * fails on unexpected commands (see {@link PipelineMocks}).
 */
abstract class SlimgatePipelineTest extends BasePipelineTest {

  PipelineMocks mocks = new PipelineMocks(this)

  @Before
  @Override
  void setUp() {
    mocks.configure('groovy')
    super.setUp()
    mocks.install(true)
  }

  /** The step {@code name} of the library, as a pipeline would call it. */
  def step(String name) {
    return loadScript("vars/${name}.groovy")
  }

  /** Runs {@code body}, which must end with error; returns the error's message. */
  String errorOf(Closure body) {
    try {
      body()
    } catch (PipelineMocks.PipelineError e) {
      return e.message
    }
    fail('expected the step to end with error, but it returned')
    return null
  }

  /** The build result as Jenkins would show it (null: nothing set it, i.e. SUCCESS). */
  String result() {
    return binding.getVariable('currentBuild').result ?: 'SUCCESS'
  }

  /** The first argument of every call of {@code step}, GStrings made Strings. */
  List argumentsOf(String step) {
    return mocks.callsOf(step).collect { it[0] }
  }

  static Object plain(Object value) {
    return PipelineMocks.plain(value)
  }

  void assertShellCommands(List expected) {
    assertEquals(expected, mocks.shScripts)
  }

  void assertNoSecretInAnyCommand() {
    mocks.shScripts.each { String script ->
      assertTrue("a secret value reached a command line: ${script}", !script.contains('SECRET-OF-'))
    }
  }
}
