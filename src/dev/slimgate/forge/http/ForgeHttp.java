package dev.slimgate.forge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.core.Events;
import dev.slimgate.forge.ForgeToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * JSON over HTTP to one forge, with the error handling every call shares: authentication and
 * missing-project answers become messages naming the setting to fix, 5xx and rate-limit answers
 * are retried a bounded number of times with backoff, honouring Retry-After and RateLimit-Reset.
 * The token travels only in a request header and is masked in anything put into a message.
 */
public final class ForgeHttp {

  /** Tries per call, the first included. */
  public static final int MAX_ATTEMPTS = 5;

  /** The longest single wait slimgate accepts from a rate limit before giving up. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
  private static final int SHOWN_BODY = 300;

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * Whom the calls go to, for messages.
   *
   * @param forgeName "GitLab" or "GitHub"
   * @param apiBase the API root every path is appended to
   * @param shownBase the forge address shown in messages
   * @param project the project path, named when the forge answers 404
   * @param tokenHint what the token needs, e.g. "the api scope"
   */
  public record Target(
      String forgeName, URI apiBase, String shownBase, String project, String tokenHint) {}

  private final Target target;
  private final Map<String, String> headers;
  private final Optional<ForgeToken> token;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Events events;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param headers headers of every request, the authorization header included
   */
  public ForgeHttp(Target target, Map<String, String> headers, Optional<ForgeToken> token,
      HttpClient client, Sleeper sleeper, Clock clock, Events events) {
    this.target = target;
    this.headers = Map.copyOf(headers);
    this.token = token;
    this.client = client;
    this.sleeper = sleeper;
    this.clock = clock;
    this.events = events;
  }

  /** A client with connect timeout and no redirects (a redirect could carry the token away). */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(15))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The mapper the clients build request bodies with. */
  public ObjectMapper json() {
    return json;
  }

  /** The target of these calls. */
  public Target target() {
    return target;
  }

  /**
   * Sends one call and returns the parsed answer (an empty object for an empty body).
   *
   * @param method GET, POST, PUT or PATCH
   * @param path path and query below the API root, already encoded
   * @param body request body as a JSON tree, or null
   */
  public JsonNode call(String method, String path, JsonNode body) {
    String what = method + " " + path;
    HttpRequest request = request(method, path, body);
    IOException lastFailure = null;
    HttpResponse<String> last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Duration wait;
      try {
        last = client.send(request, HttpResponse.BodyHandlers.ofString());
        lastFailure = null;
        events.detail(target.forgeName() + " answered HTTP " + last.statusCode() + " to " + what);
        int status = last.statusCode();
        if (status < 300) {
          return parse(last.body(), what);
        }
        if (!retryable(last)) {
          throw failure(last, what);
        }
        wait = waitBefore(last, attempt);
      } catch (IOException e) {
        lastFailure = e;
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeApiException(0, "interrupted while calling " + target.forgeName() + " ("
            + what + ")");
      }
      if (attempt == MAX_ATTEMPTS) {
        break;
      }
      if (wait.compareTo(MAX_WAIT) > 0) {
        throw new ForgeApiException(last.statusCode(), target.forgeName() + " at "
            + target.shownBase() + " asks to wait " + wait.toSeconds() + "s before " + what
            + " (HTTP " + last.statusCode() + "), longer than the " + MAX_WAIT.toSeconds()
            + "s slimgate waits: rerun the publication later");
      }
      events.warn(target.forgeName() + (lastFailure != null
          ? " could not be reached (" + redact(String.valueOf(lastFailure.getMessage())) + ")"
          : " answered HTTP " + last.statusCode()) + " to " + what + "; retrying in "
          + wait.toSeconds() + "s (attempt " + (attempt + 1) + " of " + MAX_ATTEMPTS + ")");
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ForgeApiException(0, "interrupted while waiting to retry " + what);
      }
    }
    if (lastFailure != null) {
      throw new ForgeApiException(0, "could not reach " + target.forgeName() + " at "
          + target.shownBase() + " for " + what + " after " + MAX_ATTEMPTS + " attempts ("
          + lastFailure.getClass().getSimpleName() + ": "
          + redact(String.valueOf(lastFailure.getMessage())) + "): check --forge-url"
          + " (forge.url) and the network");
    }
    String kind = last.statusCode() >= 500 ? "" : " (rate limit)";
    throw new ForgeApiException(last.statusCode(), target.forgeName() + " at "
        + target.shownBase() + " answered HTTP " + last.statusCode() + kind + " to " + what
        + " " + MAX_ATTEMPTS + " times (last answer: " + cut(last.body()) + "): try again later");
  }

  private HttpRequest request(String method, String path, JsonNode body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.apiBase() + path))
        .timeout(Duration.ofSeconds(60))
        .header("User-Agent", "slimgate");
    headers.forEach(builder::header);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json");
      builder.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return builder.build();
  }

  private JsonNode parse(String body, String what) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ForgeApiException(200, target.forgeName() + " at " + target.shownBase()
          + " answered " + what + " with something that is not JSON (" + cut(body)
          + "): check that --forge-url points at the " + target.forgeName() + " API");
    }
  }

  private boolean retryable(HttpResponse<String> response) {
    int status = response.statusCode();
    // GitHub answers its secondary rate limits with 403 and Retry-After or no remaining calls.
    boolean rateLimited403 = status == 403
        && (response.headers().firstValue("Retry-After").isPresent()
            || "0".equals(response.headers().firstValue("X-RateLimit-Remaining").orElse("")));
    return status >= 500 || status == 429 || rateLimited403;
  }

  private ForgeApiException failure(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    String where = target.forgeName() + " at " + target.shownBase();
    String message = switch (status) {
      case 401 -> where + " refused the token (HTTP 401) for " + what + ": set "
          + ForgeToken.ENVIRONMENT_VARIABLE + " to a valid token with " + target.tokenHint();
      case 403 -> where + " forbade " + what + " (HTTP 403): the token in "
          + ForgeToken.ENVIRONMENT_VARIABLE + " lacks the rights on project '" + target.project()
          + "'; give it " + target.tokenHint();
      case 404 -> where + " has no project '" + target.project() + "' that this token can see"
          + " (HTTP 404 for " + what + "): check --forge-project (forge.project) and that the"
          + " token's user is a member of the project";
      default -> where + " rejected " + what + " (HTTP " + status + ": " + cut(response.body())
          + ")";
    };
    return new ForgeApiException(status, message);
  }

  private Duration waitBefore(HttpResponse<String> response, int attempt) {
    Optional<String> retryAfter = response.headers().firstValue("Retry-After");
    if (retryAfter.isPresent()) {
      Optional<Duration> parsed = parseRetryAfter(retryAfter.get().trim());
      if (parsed.isPresent()) {
        return parsed.get();
      }
    }
    Optional<String> reset = response.headers().firstValue("RateLimit-Reset")
        .or(() -> response.headers().firstValue("X-RateLimit-Reset"));
    if (reset.isPresent() && response.statusCode() != 500) {
      try {
        long value = Long.parseLong(reset.get().trim());
        // GitLab and GitHub send a Unix time; the IETF draft sends seconds to wait.
        long seconds = value > 1_000_000_000L
            ? value - clock.instant().getEpochSecond() : value;
        return Duration.ofSeconds(Math.max(1, seconds));
      } catch (NumberFormatException e) {
        // fall back to backoff
      }
    }
    return backoff(attempt);
  }

  private Optional<Duration> parseRetryAfter(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration left = Duration.between(clock.instant(), at);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static Duration backoff(int attempt) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private String cut(String body) {
    String text = body == null ? "" : redact(body.strip().replaceAll("\\s+", " "));
    return text.length() <= SHOWN_BODY ? text : text.substring(0, SHOWN_BODY) + "...";
  }

  private String redact(String text) {
    return ForgeToken.redact(token, text);
  }
}
