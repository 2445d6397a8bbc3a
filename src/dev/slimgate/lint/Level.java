package dev.slimgate.lint;

import java.util.Locale;

/** Severity of a rule or finding; OFF only appears in settings and turns a rule off. */
public enum Level {
  ERROR, WARNING, NOTE, OFF;

  /** The lower-case name used in plans and outputs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
