package dev.slimgate.lint;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One piece of waste found in a Dockerfile.
 *
 * @param ruleId e.g. SG101
 * @param level severity after the settings were applied
 * @param path the Dockerfile as the user named it
 * @param span the instruction's lines
 * @param message what is wasted and where
 * @param fix how to stop wasting it
 * @param bytes measured bytes at stake, when image measurements were supplied and knew them
 * @param fingerprint stable identity across runs: rule, file, instruction text and subject, not
 *     the line number, so edits elsewhere in the file keep it
 * @param suppression the justification of a {@code # slimgate-ignore} comment that silences it
 */
public record Finding(String ruleId, Level level, String path, Span span, String message,
    String fix, OptionalLong bytes, String fingerprint, Optional<String> suppression) {

  public boolean suppressed() {
    return suppression.isPresent();
  }
}
