package dev.slimgate.chat;

import java.util.Locale;

/** The verdict of a phase as chat shows it. */
public enum Verdict {
  PASS,
  FAIL,
  INCONCLUSIVE;

  /** The lower-case word used in summary JSON files: pass, fail or inconclusive. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
