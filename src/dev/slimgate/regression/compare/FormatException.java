package dev.slimgate.regression.compare;

/** A file does not follow the format its comparator expects. */
public final class FormatException extends RuntimeException {

  public FormatException(String message) {
    super(message);
  }
}
