package dev.slimgate.forge.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Base of the stateful GitLab and GitHub stand-ins: a server on 127.0.0.1 that records every
 * request and can answer chosen requests with injected errors before its real behaviour.
 */
public abstract class FakeForge implements AutoCloseable {

  /** One request as the server received it. */
  public record Recorded(String method, String rawPath, String rawQuery,
      Map<String, List<String>> headers, String body) {

    public String line() {
      return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
  }

  /** An answer the server gives, with status, JSON body and headers. */
  protected record Reply(int status, String body, Map<String, String> headers) {
    static Reply json(int status, Object body) {
      try {
        return new Reply(status, MAPPER.writeValueAsString(body), Map.of());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private record Injection(String method, Pattern path, Reply reply, int[] remaining) {}

  protected static final ObjectMapper MAPPER = new ObjectMapper();

  protected final String token;
  private final HttpServer server;
  private final List<Recorded> requests = new ArrayList<>();
  private final List<Injection> injections = new ArrayList<>();

  protected FakeForge(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** http://127.0.0.1:PORT */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The next {@code times} requests with {@code method} whose raw path matches {@code pathRegex}
   * get this answer instead of the real one.
   */
  public synchronized void inject(String method, String pathRegex, int status,
      Map<String, String> headers, String body, int times) {
    injections.add(new Injection(method, Pattern.compile(pathRegex),
        new Reply(status, body, headers), new int[] {times}));
  }

  public synchronized List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /** Request lines with {@code method} seen so far. */
  public synchronized List<String> lines(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).map(Recorded::line).toList();
  }

  /** Everything the server received except the authentication headers, as one text. */
  public synchronized String everythingButAuthHeaders() {
    StringBuilder text = new StringBuilder();
    for (Recorded request : requests) {
      text.append(request.line()).append('\n');
      request.headers().forEach((name, values) -> {
        if (!isAuthHeader(name)) {
          text.append(name).append(": ").append(values).append('\n');
        }
      });
      text.append(request.body()).append('\n');
    }
    return text.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Whether the request carries the right token. */
  protected abstract boolean authorized(HttpExchange exchange);

  /** The header names that carry the token. */
  protected abstract boolean isAuthHeader(String name);

  /** The real behaviour of the forge. */
  protected abstract Reply route(String method, String path, Map<String, String> query,
      JsonNode body);

  /** The 401 answer of the forge. */
  protected abstract Reply unauthorized();

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      synchronized (this) {
        requests.add(new Recorded(method, rawPath, rawQuery,
            new LinkedHashMap<>(exchange.getRequestHeaders()), body));
        reply = injected(method, rawPath);
        if (reply == null) {
          reply = authorized(exchange)
              ? route(method, rawPath, query(rawQuery),
                  body.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(body))
              : unauthorized();
        }
      }
    } catch (RuntimeException e) {
      reply = new Reply(500, "{\"message\":\"fake failed: " + e + "\"}", Map.of());
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private Reply injected(String method, String rawPath) {
    for (Injection injection : injections) {
      if (injection.method().equals(method) && injection.path().matcher(rawPath).matches()
          && injection.remaining()[0] > 0) {
        injection.remaining()[0]--;
        return injection.reply();
      }
    }
    return null;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }
}
