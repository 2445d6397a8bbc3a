package dev.slimgate.core;

/** Docker, Git, a forge or chat could not be reached or misbehaved: exit code 3. */
public class InfrastructureException extends SlimgateException {

  public InfrastructureException(String message) {
    super(message);
  }

  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}
