package dev.slimgate.chat;

import dev.slimgate.core.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where chat messages go. The bot token and the webhook address come only from the environment
 * ({@value #TOKEN_VARIABLE}, {@value #WEBHOOK_VARIABLE}) so that they never sit in a plan file or
 * on a command line; the channel and the release-manager group come from the plan or options.
 *
 * @param channel channel name or id for the bot token mode, e.g. "#medimproc"; null if unset
 * @param releaseManagers Slack user-group id mentioned once when a phase passes; null if unset
 * @param botToken bot token, or null
 * @param webhook incoming-webhook address, or null
 * @param apiUrl prefix of the Web API methods, ending in '/', e.g. "https://slack.com/api/"
 */
public record ChatSettings(
    String channel, String releaseManagers, Secret botToken, Secret webhook, String apiUrl) {

  public static final String TOKEN_VARIABLE = "SLIMGATE_SLACK_TOKEN";
  public static final String WEBHOOK_VARIABLE = "SLIMGATE_SLACK_WEBHOOK";
  public static final String API_URL_VARIABLE = "SLIMGATE_SLACK_API_URL";
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Slack user-group ids look like S0123ABCD; anything else would break the mention syntax. */
  private static final Pattern GROUP_ID = Pattern.compile("[A-Z0-9]{2,32}");

  /** How a notifier delivers: through the Web API, an incoming webhook, or the console. */
  public enum Mode {
    SLACK_API,
    WEBHOOK,
    CONSOLE
  }

  public ChatSettings {
    channel = blankToNull(channel);
    releaseManagers = blankToNull(releaseManagers);
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
  }

  /**
   * Reads the settings from an environment (pass {@code System.getenv()} in production, a map in
   * tests) plus the channel and group from the plan or the command line.
   *
   * @throws UsageException listing every problem at once
   */
  public static ChatSettings resolve(
      Map<String, String> environment, String channel, String releaseManagers) {
    String token = blankToNull(environment.get(TOKEN_VARIABLE));
    String webhook = blankToNull(environment.get(WEBHOOK_VARIABLE));
    String apiUrl = blankToNull(environment.get(API_URL_VARIABLE));
    List<String> problems = new ArrayList<>();
    if (token != null && blankToNull(channel) == null) {
      problems.add(TOKEN_VARIABLE + " is set but no channel is configured: set chat.channel in"
          + " the plan or pass --channel");
    }
    String group = blankToNull(releaseManagers);
    if (group != null && !GROUP_ID.matcher(group).matches()) {
      problems.add("release-manager group '" + group + "' is not a Slack user-group id such as"
          + " S0123ABCD: copy the id from the group's profile in Slack");
    }
    if (apiUrl != null) {
      apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
      if (!isHttpUrl(apiUrl)) {
        problems.add(API_URL_VARIABLE + " is '" + apiUrl + "', not an http(s) address such as"
            + " https://slack.example.org/api/");
      }
    }
    if (webhook != null && !isHttpUrl(webhook)) {
      // the address itself is secret: say where it came from, not what it is
      problems.add(WEBHOOK_VARIABLE + " is not an http(s) address: copy the incoming-webhook"
          + " URL from the chat server's integration settings");
    }
    if (!problems.isEmpty()) {
      throw new UsageException("chat settings are invalid:\n  - " + String.join("\n  - ",
          problems));
    }
    return new ChatSettings(channel, group, token == null ? null : new Secret(token),
        webhook == null ? null : new Secret(webhook), apiUrl);
  }

  /** The bot token wins over a webhook because only the Web API can update a message. */
  public Mode mode() {
    if (botToken != null) {
      return Mode.SLACK_API;
    }
    return webhook != null ? Mode.WEBHOOK : Mode.CONSOLE;
  }

  /** Removes the token and the webhook address from text about to leave the notifier. */
  public String redact(String text) {
    String result = text;
    if (botToken != null) {
      result = botToken.redact(result);
    }
    if (webhook != null) {
      result = webhook.redact(result);
      // OkHttp and URI errors sometimes quote only the path, which holds the webhook's secret
      String path = URI.create(webhook.reveal()).getRawPath();
      if (path != null && path.length() > 1 && result != null) {
        result = result.replace(path, "<redacted>");
      }
    }
    return result;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
