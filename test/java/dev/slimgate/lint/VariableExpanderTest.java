package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariableExpanderTest {

  private final VariableExpander expander = new VariableExpander('\\');
  private final Map<String, String> env = Map.of("A", "/opt/a", "EMPTY", "", "ROOT", "/x/tool");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      $A/bin               | /opt/a/bin
      ${A}/bin             | /opt/a/bin
      ${HOME}/ants         | ${HOME}/ants
      $HOME/ants           | ${HOME}/ants
      ${UNSET:-/default}   | /default
      ${EMPTY:-/default}   | /default
      ${EMPTY-/default}    | ``
      ${A:+set}            | set
      ${UNSET:+set}        | ``
      ${ROOT%/tool}/etc    | /x/etc
      ${ROOT#/x}           | /tool
      "quoted $A"          | quoted /opt/a
      'single $A'          | single $A
      a\\ b                | a b
      \\$A                 | $A
      """)
  void expandsLikeTheDockerfileFrontend(String word, String expected) throws Exception {
    assertEquals(expected, expander.expand(word, env));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ${A          | missing '}'
      ${}          | bad substitution
      "open        | unterminated double quote
      """)
  void rejectsMalformedWords(String word, String message) {
    ExpansionException e = assertThrows(ExpansionException.class,
        () -> expander.expand(word, env));

    assertEquals(true, e.getMessage().contains(message), e.getMessage());
  }
}
