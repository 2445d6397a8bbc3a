package dev.slimgate.chat;

/** Cuts text to a chat server's length limit and says so in the text itself. */
final class Limits {

  private Limits() {}

  /**
   * Returns {@code text} unchanged when it fits in {@code max} characters, otherwise its start
   * followed by a marker naming how many characters were left out, {@code max} long in all.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    // a marker counting all characters is at least as long as the real one, so this always fits
    int keep = max - marker(text.length()).length();
    if (keep <= 0) {
      return text.substring(0, max);
    }
    // never split a surrogate pair: half an emoji makes Slack reject the whole message
    if (Character.isHighSurrogate(text.charAt(keep - 1))) {
      keep--;
    }
    return text.substring(0, keep) + marker(text.length() - keep);
  }

  static String marker(int leftOut) {
    return " … [truncated: " + leftOut + " more characters, see the report]";
  }
}
