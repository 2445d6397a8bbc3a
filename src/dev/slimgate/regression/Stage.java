package dev.slimgate.regression;

import java.util.List;

/**
 * One stage of the regression pipeline, run in a fresh container of the image under test.
 *
 * @param name unique within the plan, used for containers, logs and the JUnit test suite
 * @param command run with {@code sh -c} in the image, with the work folder at /work and the
 *     inputs read-only at /in
 * @param outputs paths relative to /work that are compared; files or folders
 * @param after the earlier stage whose outputs this one consumes, or null
 * @param timeoutMillis the container is killed after this long
 * @param memoryBytes memory limit, 0 for none
 * @param cpus CPU limit in CPUs, 0 for none
 * @param agent Jenkins agent label for long stages, or null for the default agent
 */
public record Stage(
    String name,
    String command,
    List<String> outputs,
    String after,
    long timeoutMillis,
    long memoryBytes,
    double cpus,
    String agent) {

  /** The timeout of a stage that does not name one: one hour. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 3_600_000L;

  public Stage {
    outputs = List.copyOf(outputs);
  }
}
