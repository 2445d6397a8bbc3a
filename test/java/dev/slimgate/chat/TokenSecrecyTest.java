package dev.slimgate.chat;

import static dev.slimgate.chat.Fixtures.COMMIT;
import static dev.slimgate.chat.Fixtures.GROUP;
import static dev.slimgate.chat.Fixtures.TOKEN;
import static dev.slimgate.chat.Fixtures.WEBHOOK_SECRET;
import static dev.slimgate.chat.Fixtures.build;
import static dev.slimgate.chat.Fixtures.failing;
import static dev.slimgate.chat.Fixtures.passing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.chat.Fixtures.Recorder;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot token and the webhook address appear in nothing slimgate writes or returns. */
class TokenSecrecyTest {

  @TempDir
  Path state;

  @TempDir
  Path run;

  private FakeSlack slack;
  private final Recorder recorder = new Recorder();
  private final List<NotifyResult> results = new ArrayList<>();

  @BeforeEach
  void startSlack() throws IOException {
    slack = FakeSlack.start(TOKEN, WEBHOOK_SECRET);
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  /** Everything a run leaves behind or hands back, as one text. */
  private String captured(ChatSettings settings) throws IOException {
    StringBuilder all = new StringBuilder();
    results.forEach(result -> all.append(result).append(result.warnings()));
    all.append(recorder.infos).append(recorder.warnings).append(recorder.console())
        .append(settings);
    try (Stream<Path> files = Stream.concat(Files.list(state), Files.list(run))) {
      for (Path file : files.toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }

  private void runs(ChatSettings settings) {
    ChatNotifier notifier = recorder.notifier(settings, state, run);
    results.add(notifier.notify(failing("lint", COMMIT, build(12))));
    results.add(notifier.notify(passing("regression", COMMIT, build(12))));
  }

  @Test
  void aSuccessfulSlackRunLeavesTheTokenNowhere() throws IOException {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    runs(settings);

    assertFalse(captured(settings).contains(TOKEN));
  }

  @Test
  void theTokenTravelsOnlyInTheAuthorizationHeader() {
    runs(Fixtures.slack(slack, GROUP));

    assertTrue(slack.calls().stream().noneMatch(call -> call.body().contains(TOKEN)));
  }

  @Test
  void theCapturedTextIsNotEmptyWhenCheckedForTheToken() throws IOException {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    slack.failNext(500, call -> "echo " + call.headers().get("authorization"));
    runs(settings);

    // guards the tests below against passing because nothing was captured at all
    assertTrue(captured(settings).contains("echo Bearer <redacted>"), captured(settings));
  }

  @Test
  void aServerEchoingTheAuthorizationHeaderDoesNotLeakTheToken() throws IOException {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    slack.failNext(500, call -> "echo " + call.headers().get("authorization"));
    runs(settings);

    assertFalse(captured(settings).contains(TOKEN));
  }

  @Test
  void aRejectedTokenIsNotRepeatedInTheWarning() throws IOException {
    String wrong = "xoxb-999-wrong-but-still-secret";
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, wrong,
        ChatSettings.API_URL_VARIABLE, slack.apiUrl()), FakeSlack.CHANNEL_NAME, GROUP);
    runs(settings);

    assertFalse(captured(settings).contains(wrong));
  }

  @Test
  void endlessRateLimitingLeavesTheTokenNowhere() throws IOException {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    slack.rateLimitNext(8, "1");
    runs(settings);

    assertFalse(captured(settings).contains(TOKEN));
  }

  @Test
  void aWebhookServerEchoingItsPathDoesNotLeakTheSecret() throws IOException {
    ChatSettings settings = Fixtures.webhook(slack, GROUP);
    slack.failNext(500, call -> "no hook at " + call.path());
    slack.failNext(403, call -> "invalid_token for " + slack.webhookUrl());
    runs(settings);

    assertFalse(captured(settings).contains(WEBHOOK_SECRET));
  }

  @Test
  void theWebhookEchoReachesTheWarningRedacted() throws IOException {
    ChatSettings settings = Fixtures.webhook(slack, GROUP);
    slack.failNext(500, call -> "no hook at " + call.path());
    runs(settings);

    assertTrue(captured(settings).contains("no hook at <redacted>"), captured(settings));
  }

  @Test
  void anUnreachableWebhookDoesNotLeakTheSecret() throws IOException {
    slack.close();
    ChatSettings settings = Fixtures.webhook(slack, GROUP);
    runs(settings);

    assertFalse(captured(settings).contains(WEBHOOK_SECRET));
  }

  @Test
  void settingsPrintNeitherTokenNorWebhook() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, TOKEN,
        ChatSettings.WEBHOOK_VARIABLE, slack.webhookUrl()), "#c", GROUP);

    assertEquals("false false", settings.toString().contains(TOKEN) + " "
        + settings.toString().contains(WEBHOOK_SECRET));
  }

  @Test
  void aSettingsErrorDoesNotQuoteTheWebhook() {
    String secretNotUrl = "not-a-url-" + WEBHOOK_SECRET;

    UsageException error = assertThrows(UsageException.class, () -> ChatSettings.resolve(
        Map.of(ChatSettings.WEBHOOK_VARIABLE, secretNotUrl, ChatSettings.TOKEN_VARIABLE,
            TOKEN), null, null));

    assertFalse(error.getMessage().contains(WEBHOOK_SECRET) || error.getMessage()
        .contains(TOKEN), error.getMessage());
  }
}
