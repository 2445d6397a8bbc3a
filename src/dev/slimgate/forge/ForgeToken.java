package dev.slimgate.forge;

import java.util.Map;
import java.util.Optional;

/**
 * The forge token, read only from the environment. It never prints itself: {@link #toString()}
 * is masked so that a token cannot leak through a log line or an exception message by accident.
 */
public final class ForgeToken {

  /** The only place the token comes from. */
  public static final String ENVIRONMENT_VARIABLE = "SLIMGATE_FORGE_TOKEN";

  private static final String MASK = "***";

  private final String value;

  public ForgeToken(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a forge token must not be empty");
    }
    this.value = value.trim();
  }

  /** The token of {@value #ENVIRONMENT_VARIABLE} in {@code environment}, if set and not blank. */
  public static Optional<ForgeToken> fromEnvironment(Map<String, String> environment) {
    String raw = environment.get(ENVIRONMENT_VARIABLE);
    return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(new ForgeToken(raw));
  }

  /** The secret itself, for an authorization header or a credentials provider only. */
  public String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of the token replaced by a mask. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, MASK);
  }

  /** Masks the token wherever it occurs, for texts where the token may or may not be set. */
  public static String redact(Optional<ForgeToken> token, String text) {
    return token.map(t -> t.redact(text)).orElse(text);
  }

  @Override
  public String toString() {
    return "ForgeToken[" + MASK + "]";
  }
}
