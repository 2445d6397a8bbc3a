package dev.slimgate.core;

/**
 * A failure the user can act on. Each subclass maps to one exit code of the command line, so
 * that library code never ends the process itself.
 */
public abstract class SlimgateException extends RuntimeException {

  protected SlimgateException(String message) {
    super(message);
  }

  protected SlimgateException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The process exit code the command line uses for this failure. */
  public abstract int exitCode();
}
