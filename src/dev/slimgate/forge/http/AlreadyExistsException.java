package dev.slimgate.forge.http;

/**
 * The forge refused to open a merge request because one already exists for the branch (GitLab
 * 409, GitHub 422 "A pull request already exists"). The caller looks it up and updates it.
 */
public final class AlreadyExistsException extends ForgeApiException {

  public AlreadyExistsException(int status, String message) {
    super(status, message);
  }
}
