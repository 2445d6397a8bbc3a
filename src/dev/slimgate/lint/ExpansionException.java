package dev.slimgate.lint;

/** A word cannot be expanded: an unclosed quote or a malformed {@code ${...}}. */
final class ExpansionException extends Exception {

  private final int offset;

  ExpansionException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** Offset of the offending character in the expanded text. */
  int offset() {
    return offset;
  }
}
