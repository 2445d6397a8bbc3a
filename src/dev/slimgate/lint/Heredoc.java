package dev.slimgate.lint;

/**
 * A here-document attached to RUN, COPY or ADD.
 *
 * @param name the delimiter word
 * @param body the lines between the instruction and the delimiter, each ending in a newline
 * @param expand false when the delimiter was quoted, which turns off variable expansion
 * @param span from the line holding {@code <<NAME} to the closing delimiter line
 */
public record Heredoc(String name, String body, boolean expand, Span span) {}
