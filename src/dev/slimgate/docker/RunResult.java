package dev.slimgate.docker;

/**
 * How a script ended in a container.
 *
 * @param exitCode -1 when it was killed for taking too long
 */
public record RunResult(int exitCode, String stdout, String stderr, boolean timedOut,
    long millis) {

  /** Standard output and error together, as a person would have seen them. */
  public String output() {
    if (stderr.isEmpty()) {
      return stdout;
    }
    return stdout.isEmpty() ? stderr : stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
  }
}
