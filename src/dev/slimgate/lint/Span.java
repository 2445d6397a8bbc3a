package dev.slimgate.lint;

/** Where an instruction or a problem sits in a Dockerfile: 1-based lines and columns, inclusive. */
public record Span(int startLine, int startColumn, int endLine, int endColumn) {

  /** A span covering one position. */
  public static Span at(int line, int column) {
    return new Span(line, column, line, column);
  }
}
