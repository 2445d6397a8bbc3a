package dev.slimgate.lint;

/** A comment line of a Dockerfile, without its leading {@code #}. */
public record Comment(int line, String text) {}
