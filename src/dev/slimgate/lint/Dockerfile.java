package dev.slimgate.lint;

import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param path the name shown in findings, as the user gave it
 * @param escape the escape character: {@code \} or the one set by {@code # escape=}
 * @param syntax the {@code # syntax=} directive, if any
 * @param instructions every instruction in file order
 */
public record Dockerfile(
    String path, char escape, Optional<String> syntax, List<Instruction> instructions) {}
