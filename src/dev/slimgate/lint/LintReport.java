package dev.slimgate.lint;

import java.util.List;

/**
 * The result of linting one or more Dockerfiles.
 *
 * @param files the Dockerfiles linted, as named by the user
 * @param findings every finding, suppressed ones included, ordered by file and line
 * @param rules the rules that ran, with their effective level
 */
public record LintReport(List<String> files, List<Finding> findings, List<RuleInfo> rules) {

  /** Findings that count: not suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.suppressed()).toList();
  }

  /** True when an unsuppressed error remains: the lint gate fails. */
  public boolean failed() {
    return active().stream().anyMatch(f -> f.level() == Level.ERROR);
  }

  public long count(Level level) {
    return active().stream().filter(f -> f.level() == level).count();
  }
}
