package dev.slimgate.chat;

/**
 * A chat server could not be reached or refused a request. Its message is safe to show: it is
 * written by slimgate and never holds the token or the webhook address.
 */
final class ChatFailure extends Exception {

  private final String code;

  /**
   * @param code Slack's error code such as "invalid_auth", or "http_503", "unreachable"
   */
  ChatFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
