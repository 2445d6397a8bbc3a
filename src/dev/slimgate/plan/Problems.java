package dev.slimgate.plan;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one plan file so that all of them are reported at once. */
public final class Problems {

  private final String file;
  private final List<Problem> found = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  /** Records a problem at the position where {@code node} starts (or the file when null). */
  public void at(Node node, String key, String message, String fix) {
    int line = 0;
    int column = 0;
    if (node != null && node.getStartMark().isPresent()) {
      Mark mark = node.getStartMark().get();
      line = mark.getLine() + 1;
      column = mark.getColumn() + 1;
    }
    found.add(new Problem(file, line, column, key, message, fix));
  }

  public void add(Problem problem) {
    found.add(problem);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(found);
  }

  /** Throws a {@link PlanException} carrying every problem, sorted by position, if any. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(found);
      sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(a.column(), b.column()));
      throw new PlanException(sorted);
    }
  }
}
