package dev.slimgate.jenkins

import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized
import org.junit.runners.Parameterized.Parameters

import static org.junit.Assert.assertEquals
import static org.junit.Assert.assertNotEquals
import static org.junit.Assert.assertTrue

/**
 * Each step's help (vars/NAME.txt, shown in Jenkins' Global Variable Reference) lists every
 * argument with its default as a Groovy map literal inside {@code NAME(...)}; this test evaluates
 * that literal and compares it with the step's own defaults(), so the two cannot drift apart.
 */
@RunWith(Parameterized)
class HelpTextStepTest extends SlimgatePipelineTest {

  final String name

  HelpTextStepTest(String name) {
    this.name = name
  }

  @Parameters(name = '{0}')
  static Collection<Object[]> steps() {
    return new File(PipelineMocks.ROOT, 'vars').listFiles()
        .findAll { it.name.endsWith('.groovy') }
        .collect { [it.name - '.groovy'] as Object[] }
        .sort { it[0] }
  }

  /** The defaults a help text documents: the map literal between "NAME(" and ")". */
  static Map documentedDefaults(String help, String name) {
    List lines = help.readLines()
    int start = lines.indexOf("${name}(".toString())
    int end = lines.subList(start + 1, lines.size()).indexOf(')') + start + 1
    if (start < 0 || end <= start) {
      throw new AssertionError("the help of ${name} has no block from '${name}(' to ')'")
    }
    String literal = lines.subList(start + 1, end).join('\n')
    return new GroovyShell().evaluate("[\n${literal}\n]") as Map
  }

  @Test
  void everyStepHasAHelpText() {
    assertTrue("vars/${name}.txt is missing", new File(PipelineMocks.ROOT, "vars/${name}.txt").isFile())
  }

  @Test
  void theHelpListsTheStepsDefaults() {
    String help = new File(PipelineMocks.ROOT, "vars/${name}.txt").text

    assertEquals(step(name).defaults(), documentedDefaults(help, name))
  }

  @Test
  void theHelpListsTheArgumentsInTheStepsOrder() {
    String help = new File(PipelineMocks.ROOT, "vars/${name}.txt").text

    assertEquals(step(name).defaults().keySet().toList(), documentedDefaults(help, name).keySet().toList())
  }

  @Test
  void aDriftedDefaultIsNoticed() {
    String help = new File(PipelineMocks.ROOT, "vars/${name}.txt").text
    String firstKey = step(name).defaults().keySet().first()
    String drifted = help.replaceFirst(/(?m)^(\s+${firstKey}:\s+)[^,]+,/, '$1\'drifted\',')

    assertNotEquals(step(name).defaults(), documentedDefaults(drifted, name))
  }
}
