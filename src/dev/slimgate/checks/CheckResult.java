package dev.slimgate.checks;

/**
 * The outcome of one check inside a candidate image.
 *
 * @param kind command, file, absent, python-import or python-absent
 * @param subject the command, path or module checked
 * @param expected what had to be true, in words
 * @param actual what was seen, in words (the loader's or shell's message on failure)
 * @param output the probe's output, cut for the report
 */
public record CheckResult(
    String candidate,
    String component,
    String kind,
    String subject,
    Status status,
    String expected,
    String actual,
    String output,
    long millis) {

  /** PASS, FAIL, or TIMEOUT when the check did not finish in its time. */
  public enum Status { PASS, FAIL, TIMEOUT }

  /** A stable name for JUnit and reports, e.g. {@code mrtrix3: command mrconvert}. */
  public String name() {
    return component + ": " + kind + " " + subject;
  }
}
