package dev.slimgate.chat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Posts to an incoming webhook: a JSON body with {@code text} and {@code blocks}. Slack shows
 * the blocks; Mattermost ignores them and shows the text, which carries the same facts. A webhook
 * cannot update or thread a message, so every call is a new post.
 */
final class SlackWebhook implements AutoCloseable {

  private static final int MAX_BODY = 200;
  private static final int TIMEOUT_MILLIS = 15_000;

  private final Slack slack;
  private final Secret url;
  private final Sleeper sleeper;
  private final RetryPolicy retry;

  SlackWebhook(Secret url, Sleeper sleeper, RetryPolicy retry) {
    SlackConfig config = new SlackConfig();
    config.setStatsEnabled(false);
    config.getMethodsConfig().setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientWriteTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientCallTimeoutMillis(2 * TIMEOUT_MILLIS);
    this.slack = Slack.getInstance(config);
    this.url = url;
    this.sleeper = sleeper;
    this.retry = retry;
  }

  void post(String text, List<LayoutBlock> blocks) throws ChatFailure {
    Payload payload = Payload.builder().text(text).blocks(blocks)
        .unfurlLinks(false).unfurlMedia(false).build();
    for (int attempt = 1; ; attempt++) {
      WebhookResponse response;
      try {
        response = slack.send(url.reveal(), payload);
      } catch (IOException | RuntimeException e) {
        // the exception may quote the address, which is the secret itself: name the variable
        throw new ChatFailure("unreachable", "could not reach the incoming webhook in "
            + ChatSettings.WEBHOOK_VARIABLE + ": " + e.getClass().getSimpleName()
            + "; check the address and the network");
      }
      int status = response.getCode();
      if (status >= 200 && status < 300) {
        return;
      }
      if (status != 429) {
        throw new ChatFailure("http_" + status, "the incoming webhook in "
            + ChatSettings.WEBHOOK_VARIABLE + " answered HTTP " + status + cut(response.getBody())
            + (status >= 500 ? "; the chat server may be down, try again later"
                : "; check that the webhook still exists"));
      }
      Duration wait = retry.waitFor(header(response.getHeaders(), "Retry-After"));
      if (attempt >= retry.maxAttempts() || wait.compareTo(retry.maxWait()) > 0) {
        throw new ChatFailure("ratelimited", "the incoming webhook was rate limited (HTTP 429)"
            + " " + attempt + " times, last asking to wait " + wait.toSeconds() + " s; slimgate"
            + " gave up; the next stage will try again");
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChatFailure("interrupted", "the webhook post was interrupted while waiting out"
            + " a rate limit");
      }
    }
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      // closing only releases idle connections; nothing the caller could act on
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
        return entry.getValue().get(0);
      }
    }
    return null;
  }

  private static String cut(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > MAX_BODY ? flat.substring(0, MAX_BODY) + " …" : flat);
  }
}
