package dev.slimgate.chat;

import java.time.Duration;

/**
 * How long to keep trying after a chat server answers 429 Too Many Requests. A pipeline must not
 * hang on chat, so both the number of tries and each wait are bounded; a Retry-After longer than
 * {@code maxWait} ends the attempt at once.
 *
 * @param maxAttempts tries in all, the first included
 * @param maxWait the longest single wait slimgate accepts
 * @param defaultWait the wait when the answer has no usable Retry-After header
 */
public record RetryPolicy(int maxAttempts, Duration maxWait, Duration defaultWait) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofSeconds(1));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /** The wait a Retry-After header asks for, in whole seconds as Slack sends it. */
  Duration waitFor(String retryAfter) {
    if (retryAfter == null) {
      return defaultWait;
    }
    try {
      long seconds = Long.parseLong(retryAfter.strip());
      return seconds < 0 ? defaultWait : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return defaultWait;
    }
  }
}
