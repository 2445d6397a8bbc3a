package dev.slimgate.regression;

import java.nio.file.Path;

/**
 * How one stage ran in one image.
 *
 * @param stage the stage name
 * @param image the image it ran in
 * @param containerId the container, removed by the time this record exists
 * @param exitCode the command's exit code, -1 when it was killed or did not start
 * @param timedOut whether the stage exceeded its timeout and was killed
 * @param millis how long the container ran
 * @param stdout file with the command's standard output
 * @param stderr file with the command's standard error
 * @param error why the stage could not run at all (the engine refused it), or null
 */
public record StageRun(
    String stage,
    String image,
    String containerId,
    int exitCode,
    boolean timedOut,
    long millis,
    Path stdout,
    Path stderr,
    String error) {

  public boolean succeeded() {
    return error == null && !timedOut && exitCode == 0;
  }

  /** "exited 0 after 12s", "timed out after 2s and was killed", or the error. */
  public String describe() {
    if (error != null) {
      return "could not run: " + error;
    }
    String time = seconds(millis);
    return timedOut ? "timed out after " + time + " and was killed"
        : "exited " + exitCode + " after " + time;
  }

  private static String seconds(long millis) {
    return millis < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0)
        : (millis / 1000) + "s";
  }
}
