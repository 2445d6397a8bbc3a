package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake answers like Slack's documented Web API, also for JSON bodies, which slack-api-client
 * does not send but other Slack clients do; so the fake is checked on its own here.
 */
class FakeSlackTest {

  private FakeSlack slack;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    slack = FakeSlack.start(Fixtures.TOKEN, Fixtures.WEBHOOK_SECRET);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private HttpResponse<String> postJson(String method, String token, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(slack.apiUrl() + method))
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void aJsonPostMessageAnswersWithChannelIdAndTs() throws Exception {
    JsonNode answer = json(postJson("chat.postMessage", Fixtures.TOKEN,
        "{\"channel\":\"#medimproc\",\"text\":\"hi\",\"blocks\":[]}"));

    assertEquals("true C0MEDIMPROC true", answer.get("ok").asText() + " "
        + answer.get("channel").asText() + " " + answer.get("ts").asText().contains("."));
  }

  @Test
  void aJsonUpdateOfThatTsIsAccepted() throws Exception {
    String ts = json(postJson("chat.postMessage", Fixtures.TOKEN,
        "{\"channel\":\"#medimproc\",\"text\":\"hi\"}")).get("ts").asText();

    JsonNode answer = json(postJson("chat.update", Fixtures.TOKEN,
        "{\"channel\":\"C0MEDIMPROC\",\"ts\":\"" + ts + "\",\"text\":\"bye\"}"));

    assertEquals("true bye", answer.get("ok").asText() + " " + slack.updates().get(0).text());
  }

  @Test
  void aWrongTokenIsHttp200WithInvalidAuth() throws Exception {
    HttpResponse<String> response = postJson("chat.postMessage", "xoxb-nope",
        "{\"channel\":\"#medimproc\",\"text\":\"hi\"}");

    assertEquals("200 invalid_auth", response.statusCode() + " "
        + json(response).get("error").asText());
  }

  @Test
  void aRateLimitIsHttp429WithRetryAfter() throws Exception {
    slack.rateLimitNext(1, "7");

    HttpResponse<String> response = postJson("chat.postMessage", Fixtures.TOKEN, "{}");

    assertEquals("429 7", response.statusCode() + " "
        + response.headers().firstValue("Retry-After").orElse("none"));
  }
}
