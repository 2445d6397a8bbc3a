package dev.slimgate.lint;

/**
 * One Dockerfile to lint.
 *
 * @param path the name to show in findings, as the user gave it
 * @param text the file's content
 * @param dockerignorePresent whether a .dockerignore limits the build context (the caller looks;
 *     this package touches no file system)
 */
public record LintInput(String path, String text, boolean dockerignorePresent) {}
