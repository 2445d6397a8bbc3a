package dev.slimgate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A Slack-compatible server on 127.0.0.1 for tests. It speaks the Web API methods slimgate uses
 * (chat.postMessage and chat.update with form or JSON bodies; answers with ok, ts, channel;
 * errors as HTTP 200 with ok:false; 429 with Retry-After) and one incoming webhook.
 */
final class FakeSlack implements AutoCloseable {

  static final String CHANNEL_NAME = "#medimproc";
  static final String CHANNEL_ID = "C0MEDIMPROC";

  /** One request as the server saw it; {@code params} holds form fields or top-level JSON. */
  record Call(String path, Map<String, String> headers, String body,
      Map<String, String> params) {
    String method() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** A message the server accepted. */
  record Message(String channel, String ts, String threadTs, String text, JsonNode blocks,
      boolean broadcast) {}

  private record Scripted(int status, String retryAfter, Function<Call, String> body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private final String webhookPath;
  private final List<Call> calls = new ArrayList<>();
  private final List<Message> posts = new ArrayList<>();
  private final List<Message> updates = new ArrayList<>();
  private final List<JsonNode> webhookPosts = new ArrayList<>();
  private final Map<String, Message> live = new LinkedHashMap<>();
  private final Deque<Scripted> script = new ArrayDeque<>();
  private int nextTs = 100;

  private FakeSlack(String token, String webhookSecret) throws IOException {
    this.token = token;
    this.webhookPath = "/services/T0000/B0000/" + webhookSecret;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeSlack start(String token, String webhookSecret) throws IOException {
    return new FakeSlack(token, webhookSecret);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + webhookPath;
  }

  /** The next {@code count} requests get HTTP 429 with this Retry-After (null: no header). */
  synchronized void rateLimitNext(int count, String retryAfter) {
    for (int i = 0; i < count; i++) {
      script.add(new Scripted(429, retryAfter, call -> "{\"ok\":false,\"error\":\"ratelimited\"}"));
    }
  }

  /** The next request gets this status and the body computed from the request. */
  synchronized void failNext(int status, Function<Call, String> body) {
    script.add(new Scripted(status, null, body));
  }

  /** Forgets a message, as when someone deletes it in Slack. */
  synchronized void delete(String ts) {
    live.remove(ts);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Message> posts() {
    return List.copyOf(posts);
  }

  synchronized List<Message> topPosts() {
    return posts.stream().filter(message -> message.threadTs() == null).toList();
  }

  synchronized List<Message> updates() {
    return List.copyOf(updates);
  }

  synchronized List<JsonNode> webhookPosts() {
    return List.copyOf(webhookPosts);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    Call call = new Call(exchange.getRequestURI().getPath(), headers, body,
        params(headers.getOrDefault("content-type", ""), body));
    calls.add(call);

    Scripted scripted = script.poll();
    if (scripted != null) {
      if (scripted.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
      }
      respond(exchange, scripted.status(), scripted.body().apply(call));
      return;
    }
    if (call.path().equals(webhookPath)) {
      webhookPosts.add(JSON.readTree(body));
      respond(exchange, 200, "ok");
    } else if (call.path().startsWith("/services/")) {
      respond(exchange, 404, "no_service");
    } else if (call.path().equals("/api/chat.postMessage")) {
      respond(exchange, 200, postMessage(call));
    } else if (call.path().equals("/api/chat.update")) {
      respond(exchange, 200, update(call));
    } else {
      respond(exchange, 404, "{\"ok\":false,\"error\":\"unknown_method\"}");
    }
  }

  private String postMessage(Call call) throws IOException {
    String error = authError(call);
    String channel = channelId(call.params().get("channel"));
    if (error == null && channel == null) {
      error = "channel_not_found";
    }
    if (error != null) {
      return "{\"ok\":false,\"error\":\"" + error + "\"}";
    }
    String ts = "1733300000." + String.format("%06d", nextTs++);
    Message message = new Message(channel, ts, call.params().get("thread_ts"),
        call.params().get("text"), blocks(call), isTrue(call.params().get("reply_broadcast")));
    posts.add(message);
    live.put(ts, message);
    ObjectNode answer = JSON.createObjectNode().put("ok", true).put("channel", channel)
        .put("ts", ts);
    answer.putObject("message").put("text", message.text()).put("ts", ts);
    return answer.toString();
  }

  private String update(Call call) throws IOException {
    String error = authError(call);
    String channel = channelId(call.params().get("channel"));
    String ts = call.params().get("ts");
    if (error == null && channel == null) {
      error = "channel_not_found";
    }
    if (error == null && !live.containsKey(ts)) {
      error = "message_not_found";
    }
    if (error != null) {
      return "{\"ok\":false,\"error\":\"" + error + "\"}";
    }
    Message message = new Message(channel, ts, live.get(ts).threadTs(),
        call.params().get("text"), blocks(call), false);
    updates.add(message);
    live.put(ts, message);
    return JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts)
        .put("text", message.text()).toString();
  }

  private String authError(Call call) {
    String header = call.headers().get("authorization");
    String presented = header != null && header.startsWith("Bearer ")
        ? header.substring("Bearer ".length()) : call.params().get("token");
    if (presented == null) {
      return "not_authed";
    }
    return presented.equals(token) ? null : "invalid_auth";
  }

  /** Slack takes true, 1 or the JSON literal; slack-api-client sends 1 in form bodies. */
  private static boolean isTrue(String value) {
    return "true".equals(value) || "1".equals(value);
  }

  private static String channelId(String channel) {
    return CHANNEL_NAME.equals(channel) || CHANNEL_ID.equals(channel) ? CHANNEL_ID : null;
  }

  private static JsonNode blocks(Call call) throws IOException {
    String blocks = call.params().get("blocks");
    return blocks == null ? JSON.createArrayNode() : JSON.readTree(blocks);
  }

  private static Map<String, String> params(String contentType, String body) throws IOException {
    Map<String, String> params = new HashMap<>();
    if (contentType.startsWith("application/json")) {
      JsonNode root = JSON.readTree(body);
      root.fields().forEachRemaining(field -> params.put(field.getKey(),
          field.getValue().isValueNode() ? field.getValue().asText()
              : field.getValue().toString()));
    } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals),
            StandardCharsets.UTF_8);
        String value = equals < 0 ? ""
            : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        params.put(name, value);
      }
    }
    return params;
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type",
        body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
