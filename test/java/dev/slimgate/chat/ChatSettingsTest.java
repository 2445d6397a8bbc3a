package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.UsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatSettingsTest {

  private static final String LOCAL_API = "http://127.0.0.1:9/api/";

  @Test
  void noTokenAndNoWebhookMeansTheConsole() {
    assertEquals(ChatSettings.Mode.CONSOLE, ChatSettings.resolve(Map.of(), null, null).mode());
  }

  @Test
  void aTokenMeansTheWebApi() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, "xoxb-1",
        ChatSettings.API_URL_VARIABLE, LOCAL_API), "#c", null);

    assertEquals(ChatSettings.Mode.SLACK_API, settings.mode());
  }

  @Test
  void aWebhookAloneMeansWebhookMode() {
    ChatSettings settings = ChatSettings.resolve(
        Map.of(ChatSettings.WEBHOOK_VARIABLE, "http://127.0.0.1:9/hooks/x"), null, null);

    assertEquals(ChatSettings.Mode.WEBHOOK, settings.mode());
  }

  @Test
  void theTokenWinsOverAWebhookBecauseOnlyItCanUpdate() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, "xoxb-1",
        ChatSettings.WEBHOOK_VARIABLE, "http://127.0.0.1:9/hooks/x",
        ChatSettings.API_URL_VARIABLE, LOCAL_API), "#c", null);

    assertEquals(ChatSettings.Mode.SLACK_API, settings.mode());
  }

  @Test
  void theApiUrlGetsATrailingSlash() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, "xoxb-1",
        ChatSettings.API_URL_VARIABLE, "http://127.0.0.1:9/api"), "#c", null);

    assertEquals(LOCAL_API, settings.apiUrl());
  }

  @Test
  void withoutAnOverrideTheApiIsSlack() {
    // production default only; no test sends anything there
    assertEquals("https://slack.com/api/", ChatSettings.resolve(Map.of(), null, null).apiUrl());
  }

  @Test
  void aTokenWithoutAChannelIsAUsageError() {
    UsageException error = assertThrows(UsageException.class, () -> ChatSettings.resolve(
        Map.of(ChatSettings.TOKEN_VARIABLE, "xoxb-1"), null, null));

    assertTrue(error.getMessage().contains("--channel"), error.getMessage());
  }

  @Test
  void aMalformedGroupIdIsAUsageError() {
    UsageException error = assertThrows(UsageException.class,
        () -> ChatSettings.resolve(Map.of(), null, "@release-managers"));

    assertTrue(error.getMessage().contains("S0123ABCD"), error.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    UsageException error = assertThrows(UsageException.class, () -> ChatSettings.resolve(
        Map.of(ChatSettings.TOKEN_VARIABLE, "xoxb-1", ChatSettings.API_URL_VARIABLE, "ftp://x"),
        null, "bad group"));

    assertEquals(3, error.getMessage().lines().filter(line -> line.startsWith("  - ")).count(),
        error.getMessage());
  }

  @Test
  void blankValuesCountAsUnset() {
    ChatSettings settings = ChatSettings.resolve(Map.of(ChatSettings.TOKEN_VARIABLE, "  ",
        ChatSettings.WEBHOOK_VARIABLE, ""), " ", "");

    assertEquals(ChatSettings.Mode.CONSOLE + " null", settings.mode() + " "
        + settings.releaseManagers());
  }
}
