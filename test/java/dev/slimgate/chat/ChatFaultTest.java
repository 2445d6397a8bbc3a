package dev.slimgate.chat;

import static dev.slimgate.chat.Fixtures.COMMIT;
import static dev.slimgate.chat.Fixtures.build;
import static dev.slimgate.chat.Fixtures.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.chat.Fixtures.Recorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits are waited out; outages and refusals become warnings and the run goes on. */
class ChatFaultTest {

  @TempDir
  Path state;

  @TempDir
  Path run;

  private FakeSlack slack;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void startSlack() throws IOException {
    slack = FakeSlack.start(Fixtures.TOKEN, Fixtures.WEBHOOK_SECRET);
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private NotifyResult notifyWith(ChatSettings settings) {
    return recorder.notifier(settings, state, run).notify(failing("lint", COMMIT, build(12)));
  }

  private ChatSettings withToken(String token) {
    return ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, token,
        ChatSettings.API_URL_VARIABLE, slack.apiUrl()), FakeSlack.CHANNEL_NAME, null);
  }

  @Test
  void aRateLimitedPostIsRetriedUntilItLands() {
    slack.rateLimitNext(2, "3");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertEquals(1, slack.topPosts().size());
    assertEquals(List.of(), result.warnings());
  }

  @Test
  void theRetryWaitsAsLongAsRetryAfterSays() {
    slack.rateLimitNext(2, "3");

    notifyWith(Fixtures.slack(slack, null));

    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), recorder.sleeps);
  }

  @Test
  void aRateLimitWithoutRetryAfterWaitsTheDefault() {
    slack.rateLimitNext(1, null);

    notifyWith(Fixtures.slack(slack, null));

    assertEquals(List.of(RetryPolicy.DEFAULT.defaultWait()), recorder.sleeps);
  }

  @Test
  void endlessRateLimitingGivesUpAfterTheLastAttemptWithAWarning() {
    slack.rateLimitNext(RetryPolicy.DEFAULT.maxAttempts(), "1");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).contains("rate limited (HTTP 429) 4 times"),
        result.warnings().toString());
  }

  @Test
  void aRetryAfterLongerThanTheLimitIsNotWaitedFor() {
    slack.rateLimitNext(1, "3600");

    notifyWith(Fixtures.slack(slack, null));

    assertEquals(List.of(), recorder.sleeps);
  }

  @Test
  void aRetryAfterLongerThanTheLimitIsAWarning() {
    slack.rateLimitNext(1, "3600");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).contains("asked to wait 3600 s"),
        result.warnings().toString());
  }

  @Test
  void aRateLimitedWebhookIsRetried() {
    slack.rateLimitNext(1, "2");

    NotifyResult result = notifyWith(Fixtures.webhook(slack, null));

    assertEquals(List.of(1, List.of()), List.of(slack.webhookPosts().size(), result.warnings()));
  }

  @Test
  void invalidAuthIsAWarningNamingTheErrorAndTheVariable() {
    NotifyResult result = notifyWith(withToken("xoxb-wrong-token"));

    String warning = result.warnings().get(0);
    assertTrue(warning.contains("invalid_auth") && warning.contains("SLIMGATE_SLACK_TOKEN"),
        warning);
  }

  @Test
  void invalidAuthLetsThePipelineGoOn() {
    NotifyResult result = notifyWith(withToken("xoxb-wrong-token"));

    assertTrue(result.warnings().get(0).endsWith("the pipeline goes on without chat"),
        result.warnings().toString());
  }

  @Test
  void invalidAuthStillWritesTheTextToTheRunFolder() throws IOException {
    notifyWith(withToken("xoxb-wrong-token"));

    assertTrue(Files.readString(run.resolve("chat.md")).contains("Phase A (Quick wins): FAIL"));
  }

  @Test
  void warningsAreAlsoSentAsEvents() {
    NotifyResult result = notifyWith(withToken("xoxb-wrong-token"));

    assertEquals(result.warnings(), recorder.warnings);
  }

  @Test
  void anUnknownChannelIsAWarningNamingTheChannel() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE,
        Fixtures.TOKEN, ChatSettings.API_URL_VARIABLE, slack.apiUrl()), "#nowhere", null);

    NotifyResult result = notifyWith(settings);

    assertTrue(result.warnings().get(0).contains("'#nowhere' (chat.postMessage answered"
        + " channel_not_found)"), result.warnings().toString());
  }

  @Test
  void aServerErrorIsAWarningWithTheStatus() {
    slack.failNext(503, call -> "upstream unavailable");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).contains("answered HTTP 503: upstream unavailable"),
        result.warnings().toString());
  }

  @Test
  void anHtmlPageInsteadOfAnApiAnswerIsAWarning() {
    slack.failNext(200, call -> "<html><body>proxy login</body></html>");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).contains("not a Slack API answer"),
        result.warnings().toString());
  }

  @Test
  void anErrorAnswerWithoutAnErrorCodeIsAWarning() {
    slack.failNext(200, call -> "{\"ok\":false}");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).contains("answered error unknown_error"),
        result.warnings().toString());
  }

  @Test
  void aLongErrorBodyIsCut() {
    slack.failNext(500, call -> "x".repeat(5000));

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertTrue(result.warnings().get(0).length() < 600, result.warnings().get(0));
  }

  @Test
  void anUnreachableServerIsAWarningNamingTheAddress() throws IOException {
    String closed = closedPortUrl();
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE,
        Fixtures.TOKEN, ChatSettings.API_URL_VARIABLE, closed), FakeSlack.CHANNEL_NAME, null);

    NotifyResult result = notifyWith(settings);

    assertTrue(result.warnings().get(0).contains("could not reach the Slack API at " + closed),
        result.warnings().toString());
  }

  @Test
  void anUnreachableWebhookIsAWarning() throws IOException {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.WEBHOOK_VARIABLE,
        closedPortUrl() + "hooks/abc"), null, null);

    NotifyResult result = notifyWith(settings);

    assertTrue(result.warnings().get(0).contains("could not reach the incoming webhook"),
        result.warnings().toString());
  }

  @Test
  void aWebhookThatNoLongerExistsIsAWarning() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.WEBHOOK_VARIABLE,
        slack.webhookUrl() + "gone"), null, null);

    NotifyResult result = notifyWith(settings);

    assertTrue(result.warnings().get(0).contains("answered HTTP 404: no_service"),
        result.warnings().toString());
  }

  @Test
  void aFailedFirstPostLeavesNoThreadBehind() {
    slack.failNext(503, call -> "down");
    notifyWith(Fixtures.slack(slack, null));

    NotifyResult second = notifyWith(Fixtures.slack(slack, null));

    assertEquals(1, slack.topPosts().size());
    assertEquals(List.of(), second.warnings());
  }

  @Test
  void aDamagedStateFileIsAWarningAndANewThread() throws IOException {
    Files.writeString(state.resolve("chat-A.json"), "{not json");

    NotifyResult result = notifyWith(Fixtures.slack(slack, null));

    assertEquals(1, slack.topPosts().size());
    assertTrue(result.warnings().get(0).contains("could not read the chat state"),
        result.warnings().toString());
  }

  private static String closedPortUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/api/";
  }
}
