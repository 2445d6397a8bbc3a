package dev.slimgate.lint;

import dev.slimgate.core.UsageException;
import java.util.List;
import java.util.stream.Collectors;

/** A Dockerfile is malformed; carries every problem found in it, each with line and column. */
public class DockerfileSyntaxException extends UsageException {

  private final List<SyntaxProblem> problems;

  public DockerfileSyntaxException(List<SyntaxProblem> problems) {
    super(problems.stream().map(SyntaxProblem::describe).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<SyntaxProblem> problems() {
    return problems;
  }
}
