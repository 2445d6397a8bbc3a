package dev.slimgate.lint;

import java.util.List;

/**
 * A rule's raw finding, before settings, suppressions and measurements are applied.
 *
 * @param ruleId the rule
 * @param instruction where to report it
 * @param subject what it is about (a path or a package), part of the fingerprint
 * @param message what is wasted
 * @param fix how to stop wasting it
 * @param paths image paths whose bytes are at stake
 * @param packages manager:name pairs whose bytes are at stake
 */
record Issue(String ruleId, Instruction instruction, String subject, String message, String fix,
    List<String> paths, List<String> packages) {}
