package dev.slimgate.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instruction of a Dockerfile after line continuations were joined.
 *
 * @param keyword upper-case keyword, e.g. {@code RUN}
 * @param flags {@code --name=value} flags before the arguments, in order; a flag given without a
 *     value maps to the empty string
 * @param arguments the text after the keyword and flags, continuation lines joined, comment lines
 *     inside the continuation dropped
 * @param execForm the JSON array when the arguments were written in exec form, else empty
 * @param heredocs here-documents, in the order of their markers
 * @param span the lines the instruction occupies, heredoc bodies included
 * @param commentsAbove the comment lines directly above the instruction (no blank line between)
 * @param trigger for ONBUILD, the instruction it registers
 */
public record Instruction(
    String keyword,
    Map<String, String> flags,
    String arguments,
    Optional<List<String>> execForm,
    List<Heredoc> heredocs,
    Span span,
    List<Comment> commentsAbove,
    Optional<Instruction> trigger) {

  /** The value of a flag, if given. */
  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }
}
