package dev.slimgate.plan;

import dev.slimgate.core.UsageException;
import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot be used; carries every problem found, not just the first. */
public final class PlanException extends UsageException {

  private final List<Problem> problems;

  public PlanException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    String head = problems.size() == 1 ? "1 problem in the plan:" : problems.size()
        + " problems in the plan:";
    return problems.stream().map(p -> "  " + p.render())
        .collect(Collectors.joining("\n", head + "\n", ""));
  }
}
