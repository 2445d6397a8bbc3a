package dev.slimgate.lint;

/**
 * One reason a Dockerfile cannot be parsed.
 *
 * @param path the file as the user named it
 * @param line 1-based line of the offending text
 * @param column 1-based column of the offending text
 * @param message what was expected and what was seen
 * @param fix how to correct the file
 */
public record SyntaxProblem(String path, int line, int column, String message, String fix) {

  /** {@code path:line:column: message (fix: ...)}. */
  public String describe() {
    return path + ":" + line + ":" + column + ": " + message + " (fix: " + fix + ")";
  }
}
