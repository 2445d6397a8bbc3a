package dev.slimgate.forge.http;

import dev.slimgate.core.InfrastructureException;

/** A forge answered with an error, or could not be reached: exit code 3. */
public class ForgeApiException extends InfrastructureException {

  private final int status;

  /**
   * @param status the HTTP status, or 0 when there was no answer
   * @param message what was tried, what was seen, what to do; never the token
   */
  public ForgeApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the answer, 0 when the forge could not be reached. */
  public int status() {
    return status;
  }
}
