package dev.slimgate.docker;

import java.util.List;

/** A Dockerfile step failed: carries the step and the tail of its output for the report. */
public final class BuildFailedException extends RuntimeException {

  private final String step;
  private final List<String> tail;

  public BuildFailedException(String tag, String step, String error, List<String> tail) {
    super("building " + tag + " failed at " + (step == null ? "an unknown step" : "'" + step + "'")
        + ": " + error);
    this.step = step;
    this.tail = List.copyOf(tail);
  }

  /** The Dockerfile step that failed, as the builder announced it ("Step 3/9 : RUN ..."). */
  public String step() {
    return step;
  }

  /** The last lines of build output before the failure. */
  public List<String> tail() {
    return tail;
  }
}
