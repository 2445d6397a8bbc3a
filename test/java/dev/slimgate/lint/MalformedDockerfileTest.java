package dev.slimgate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Really malformed Dockerfiles are rejected with the line, column and a precise message. */
class MalformedDockerfileTest {

  private static final Path DIR = Path.of("test/fixtures/dockerfiles/malformed");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      m01-missing-continuation.Dockerfile   | 4 | 5  | unknown instruction 'wget'
      m02-no-from.Dockerfile                | 2 | 1  | RUN before the first FROM
      m03-unterminated-heredoc.Dockerfile   | 2 | 1  | heredoc '<<EOF' opened on line 2 is never
      m04-bad-escape-directive.Dockerfile   | 1 | 10 | invalid escape directive value 'x'
      m05-duplicate-stage.Dockerfile        | 3 | 1  | duplicate stage name 'build'
      m06-copy-from-later-stage.Dockerfile  | 2 | 1  | refers to stage 1 but no stage comes before
      m07-copy-one-argument.Dockerfile      | 2 | 6  | needs a source and a destination but got 1
      m08-unknown-flag.Dockerfile           | 2 | 5  | unknown flag --mout for RUN
      m09-env-unterminated-quote.Dockerfile | 2 | 7  | ENV: unterminated double quote
      m10-env-missing-name.Dockerfile       | 2 | 5  | ENV has a value '=value' without a name
      m11-shell-not-json.Dockerfile         | 2 | 7  | SHELL needs its arguments as a JSON array
      m12-onbuild-from.Dockerfile           | 2 | 9  | FROM is not allowed as an ONBUILD trigger
      m13-bad-stage-name.Dockerfile         | 1 | 6  | invalid stage name '1st'
      m14-from-dangling-as.Dockerfile       | 1 | 6  | FROM expects 'IMAGE [AS NAME]'
      m15-workdir-unclosed-variable.Dockerfile | 2 | 9 | missing '}' to close '${'
      m16-instruction-typo.Dockerfile       | 3 | 1  | unknown instruction 'RUNN'
      m17-only-comments.Dockerfile          | 2 | 1  | no FROM instruction
      m18-duplicate-directive.Dockerfile    | 2 | 1  | the 'escape' parser directive is given twice
      m19-healthcheck-without-cmd.Dockerfile | 2 | 13 | HEALTHCHECK expects 'NONE' or '[OPTIONS] CMD
      m20-user-two-arguments.Dockerfile     | 2 | 6  | USER needs exactly one argument
      """)
  void rejectsWithLineColumnAndMessage(String file, int line, int column, String message)
      throws IOException {
    SyntaxProblem problem = parseFailure(file).problems().get(0);

    assertEquals(List.of(line, column, true), List.of(problem.line(), problem.column(),
        problem.message().contains(message)), problem::describe);
  }

  @Test
  void missingContinuationPointsAtTheLineThatLacksTheBackslash() throws IOException {
    SyntaxProblem problem = parseFailure("m01-missing-continuation.Dockerfile").problems().get(0);

    assertTrue(problem.fix().contains("end line 3 with '\\'"), problem::describe);
  }

  @Test
  void typoSuggestsTheClosestInstruction() throws IOException {
    SyntaxProblem problem = parseFailure("m16-instruction-typo.Dockerfile").problems().get(0);

    assertTrue(problem.fix().contains("did you mean RUN?"), problem::describe);
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() throws IOException {
    List<SyntaxProblem> problems = parseFailure("m21-two-problems.Dockerfile").problems();

    assertEquals(List.of(2, 3), problems.stream().map(SyntaxProblem::line).toList());
  }

  @Test
  void describeNamesFileLineAndColumn() throws IOException {
    SyntaxProblem problem = parseFailure("m08-unknown-flag.Dockerfile").problems().get(0);

    assertTrue(problem.describe().startsWith(DIR.resolve("m08-unknown-flag.Dockerfile")
        + ":2:5: unknown flag --mout"), problem::describe);
  }

  private static DockerfileSyntaxException parseFailure(String name) throws IOException {
    Path file = DIR.resolve(name);
    String text = Files.readString(file);
    return assertThrows(DockerfileSyntaxException.class,
        () -> new DockerfileParser().parse(file.toString(), text));
  }
}
