package dev.slimgate.chat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Posts and updates messages through the Slack Web API (chat.postMessage, chat.update) with a
 * bot token, retrying answers of 429 after their Retry-After. Every failure becomes a
 * {@link ChatFailure} whose message names the method, what Slack answered and what to do.
 */
final class SlackWebApi implements AutoCloseable {

  /** Where a posted message landed: Slack answers with the channel id and the message ts. */
  record Posted(String channel, String ts) {}

  private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed",
      "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type");

  /** Remote bodies are cut: they are for a hint, not for the report to quote at length. */
  private static final int MAX_BODY = 200;

  private static final int TIMEOUT_MILLIS = 15_000;

  private final Slack slack;
  private final MethodsClient methods;
  private final String apiUrl;
  private final Sleeper sleeper;
  private final RetryPolicy retry;

  SlackWebApi(String apiUrl, Secret token, Sleeper sleeper, RetryPolicy retry) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    // metrics would start background threads that outlive a one-shot command
    config.setStatsEnabled(false);
    config.getMethodsConfig().setStatsEnabled(false);
    config.setPrettyResponseLoggingEnabled(false);
    config.setFailOnUnknownProperties(false);
    config.setHttpClientReadTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientWriteTimeoutMillis(TIMEOUT_MILLIS);
    config.setHttpClientCallTimeoutMillis(2 * TIMEOUT_MILLIS);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(token.reveal());
    this.apiUrl = apiUrl;
    this.sleeper = sleeper;
    this.retry = retry;
  }

  /**
   * Posts a message.
   *
   * @param threadTs ts of the thread's top message for a reply, null for a new top message
   * @param broadcast whether a reply is also shown in the channel
   */
  Posted post(String channel, String threadTs, List<LayoutBlock> blocks, String text,
      boolean broadcast) throws ChatFailure {
    ChatPostMessageRequest.ChatPostMessageRequestBuilder request = ChatPostMessageRequest.builder()
        .channel(channel)
        .blocks(blocks)
        .text(text)
        .unfurlLinks(false)
        .unfurlMedia(false);
    if (threadTs != null) {
      request.threadTs(threadTs).replyBroadcast(broadcast);
    }
    ChatPostMessageRequest built = request.build();
    ChatPostMessageResponse response =
        call("chat.postMessage", channel, () -> methods.chatPostMessage(built));
    return new Posted(response.getChannel(), response.getTs());
  }

  /** Replaces the blocks and text of an earlier message. */
  void update(String channel, String ts, List<LayoutBlock> blocks, String text)
      throws ChatFailure {
    ChatUpdateRequest request = ChatUpdateRequest.builder()
        .channel(channel).ts(ts).blocks(blocks).text(text).build();
    call("chat.update", channel, () -> methods.chatUpdate(request));
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      // closing only releases idle connections; nothing the caller could act on
    }
  }

  private interface SlackCall<T> {
    T run() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T call(String method, String channel,
      SlackCall<T> call) throws ChatFailure {
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      try {
        T response = call.run();
        if (response.isOk()) {
          return response;
        }
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if (!"ratelimited".equals(error)) {
          throw new ChatFailure(error, describe(method, channel, error, response));
        }
        wait = retry.defaultWait();
      } catch (SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status != 429) {
          throw new ChatFailure("http_" + status, method + " at " + apiUrl + " answered HTTP "
              + status + cut(e.getResponseBody()) + "; the chat server may be down, try again"
              + " later");
        }
        wait = retry.waitFor(e.getResponse().header("Retry-After"));
      } catch (RuntimeException e) {
        // Gson fails this way when a proxy or a wrong address answers 200 with HTML
        throw new ChatFailure("bad_answer", method + " at " + apiUrl + " answered something"
            + " that is not a Slack API answer (" + e.getClass().getSimpleName() + "); check "
            + ChatSettings.API_URL_VARIABLE);
      } catch (IOException e) {
        throw new ChatFailure("unreachable", "could not reach the Slack API at " + apiUrl
            + " (" + method + "): " + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "; check " + ChatSettings.API_URL_VARIABLE + " and the network");
      }
      waitBeforeRetry(method, attempt, wait);
    }
  }

  private void waitBeforeRetry(String method, int attempt, Duration wait) throws ChatFailure {
    if (attempt >= retry.maxAttempts()) {
      throw new ChatFailure("ratelimited", method + " was rate limited (HTTP 429) " + attempt
          + " times in a row; slimgate gave up; the next stage will try again");
    }
    if (wait.compareTo(retry.maxWait()) > 0) {
      throw new ChatFailure("ratelimited", method + " was rate limited and Slack asked to wait "
          + wait.toSeconds() + " s, longer than the " + retry.maxWait().toSeconds()
          + " s slimgate waits; the next stage will try again");
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatFailure("interrupted", method + " was interrupted while waiting out a rate"
          + " limit");
    }
  }

  private static String describe(String method, String channel, String error,
      SlackApiTextResponse response) {
    if (TOKEN_ERRORS.contains(error)) {
      return "Slack rejected the bot token (" + method + " answered " + error + "): put a"
          + " current bot token (xoxb-...) of an app installed in the workspace into "
          + ChatSettings.TOKEN_VARIABLE;
    }
    return switch (error) {
      case "channel_not_found" -> "Slack does not know channel '" + channel + "' (" + method
          + " answered channel_not_found): check chat.channel in the plan or --channel, and"
          + " that the bot can see the channel";
      case "not_in_channel" -> "the bot is not a member of channel '" + channel + "' ("
          + method + " answered not_in_channel): invite it with /invite in that channel";
      case "missing_scope" -> "the bot token lacks a scope (" + method + " answered"
          + " missing_scope, needed: " + response.getNeeded() + "): add chat:write to the app";
      default -> method + " answered error " + error + " for channel '" + channel + "'";
    };
  }

  private static String cut(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > MAX_BODY ? flat.substring(0, MAX_BODY) + " …" : flat);
  }
}
