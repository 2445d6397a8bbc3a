package dev.slimgate.plan;

/**
 * One thing wrong in a plan file: where it is, which key, what was expected and how to fix it.
 *
 * @param line 1-based, 0 when the problem concerns the whole file
 * @param column 1-based, 0 when unknown
 */
public record Problem(String file, int line, int column, String key, String message, String fix) {

  /** {@code file:line:column: key: message (fix: ...)}, the form editors and Jenkins link. */
  public String render() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
      if (column > 0) {
        text.append(':').append(column);
      }
    }
    text.append(": ");
    if (!key.isEmpty()) {
      text.append(key).append(": ");
    }
    text.append(message);
    if (!fix.isEmpty()) {
      text.append(" (fix: ").append(fix).append(')');
    }
    return text.toString();
  }
}
