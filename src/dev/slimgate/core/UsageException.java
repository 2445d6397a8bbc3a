package dev.slimgate.core;

/** Bad options, a bad plan or other input the user must correct: exit code 2. */
public class UsageException extends SlimgateException {

  public UsageException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
