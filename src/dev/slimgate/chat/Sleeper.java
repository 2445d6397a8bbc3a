package dev.slimgate.chat;

import java.time.Duration;

/** Waits; a seam so that tests of rate limiting do not really sleep. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
