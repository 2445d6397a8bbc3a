package dev.slimgate.chat;

import java.util.Objects;

/**
 * A token or webhook address. Its {@link #toString()} never shows the value, so that records,
 * exceptions and log lines that carry it by accident print a placeholder instead.
 */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The real value; only for the one place that sends it to the chat server. */
  public String reveal() {
    return value;
  }

  /** Replaces every occurrence of the value in {@code text} by a placeholder. */
  public String redact(String text) {
    if (text == null || value.isEmpty()) {
      return text;
    }
    return text.replace(value, "<redacted>");
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
