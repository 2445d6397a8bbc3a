package dev.slimgate.forge.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for the GitHub REST pull request, label and issue comment calls slimgate
 * uses, as documented: bearer authentication, 404 for unknown repositories, 422 "A pull request
 * already exists", 422 for a body over 65,536 characters.
 */
public final class FakeGitHub extends FakeForge {

  private static final int LIMIT = 65_536;

  private final String owner;
  private final String repoPrefix;
  private final Map<Long, ObjectNode> pulls = new TreeMap<>();
  private final Map<Long, ObjectNode> comments = new TreeMap<>();
  private long nextCommentId = 7000;

  public FakeGitHub(String token, String project) throws IOException {
    super(token);
    this.owner = project.substring(0, project.indexOf('/'));
    this.repoPrefix = "/repos/" + project;
  }

  public synchronized List<ObjectNode> pulls() {
    return new ArrayList<>(pulls.values());
  }

  /** The comments on issue or pull request {@code number}. */
  public synchronized List<ObjectNode> commentsOf(long number) {
    return comments.values().stream()
        .filter(c -> c.path("issue").asLong() == number).toList();
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  @Override
  protected boolean isAuthHeader(String name) {
    return name.equalsIgnoreCase("Authorization");
  }

  @Override
  protected Reply unauthorized() {
    return Reply.json(401, Map.of("message", "Bad credentials",
        "documentation_url", "https://docs.github.com/rest"));
  }

  @Override
  protected Reply route(String method, String path, Map<String, String> query, JsonNode body) {
    if (!path.startsWith(repoPrefix + "/")) {
      return Reply.json(404, Map.of("message", "Not Found"));
    }
    String rest = path.substring(repoPrefix.length());
    Matcher pull = Pattern.compile("/pulls/(\\d+)").matcher(rest);
    Matcher labels = Pattern.compile("/issues/(\\d+)/labels").matcher(rest);
    Matcher issueComments = Pattern.compile("/issues/(\\d+)/comments").matcher(rest);
    Matcher comment = Pattern.compile("/issues/comments/(\\d+)").matcher(rest);
    if (rest.equals("/pulls") && method.equals("GET")) {
      ArrayNode list = MAPPER.createArrayNode();
      pulls.values().stream()
          .filter(pr -> query.get("state") == null
              || pr.path("state").asText().equals(query.get("state")))
          .filter(pr -> query.get("head") == null
              || (owner + ":" + pr.path("head").path("ref").asText()).equals(query.get("head")))
          .filter(pr -> query.get("base") == null
              || pr.path("base").path("ref").asText().equals(query.get("base")))
          .forEach(list::add);
      return Reply.json(200, list);
    }
    if (rest.equals("/pulls") && method.equals("POST")) {
      String head = body.path("head").asText();
      for (ObjectNode pr : pulls.values()) {
        if (pr.path("state").asText().equals("open")
            && pr.path("head").path("ref").asText().equals(head)) {
          return validationFailed("A pull request already exists for " + owner + ":" + head
              + ".");
        }
      }
      if (body.path("body").asText("").length() > LIMIT) {
        return validationFailed("body is too long (maximum is 65536 characters)");
      }
      long number = pulls.size() + 1;
      ObjectNode pr = MAPPER.createObjectNode().put("number", number).put("state", "open")
          .put("title", body.path("title").asText()).put("body", body.path("body").asText())
          .put("html_url", url() + "/" + owner + "/pull/" + number);
      pr.putObject("head").put("ref", head);
      pr.putObject("base").put("ref", body.path("base").asText());
      pr.putArray("labels");
      pulls.put(number, pr);
      return Reply.json(201, pr);
    }
    if (pull.matches() && method.equals("PATCH")) {
      ObjectNode pr = pulls.get(Long.parseLong(pull.group(1)));
      if (pr == null) {
        return Reply.json(404, Map.of("message", "Not Found"));
      }
      if (body.path("body").asText("").length() > LIMIT) {
        return validationFailed("body is too long (maximum is 65536 characters)");
      }
      if (body.has("title")) {
        pr.put("title", body.path("title").asText());
      }
      if (body.has("body")) {
        pr.put("body", body.path("body").asText());
      }
      return Reply.json(200, pr);
    }
    if (labels.matches() && method.equals("PUT")) {
      ObjectNode pr = pulls.get(Long.parseLong(labels.group(1)));
      ArrayNode set = pr.putArray("labels");
      body.path("labels").forEach(name -> set.addObject().put("name", name.asText()));
      return Reply.json(200, set);
    }
    if (issueComments.matches() && method.equals("GET")) {
      long number = Long.parseLong(issueComments.group(1));
      int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      ArrayNode list = MAPPER.createArrayNode();
      commentsOf(number).stream().skip((long) (page - 1) * perPage).limit(perPage)
          .forEach(list::add);
      return Reply.json(200, list);
    }
    if (issueComments.matches() && method.equals("POST")) {
      ObjectNode created = MAPPER.createObjectNode().put("id", nextCommentId++)
          .put("issue", Long.parseLong(issueComments.group(1)))
          .put("body", body.path("body").asText());
      comments.put(created.path("id").asLong(), created);
      return Reply.json(201, created);
    }
    if (comment.matches() && method.equals("PATCH")) {
      ObjectNode existing = comments.get(Long.parseLong(comment.group(1)));
      if (existing == null) {
        return Reply.json(404, Map.of("message", "Not Found"));
      }
      existing.put("body", body.path("body").asText());
      return Reply.json(200, existing);
    }
    return Reply.json(404, Map.of("message", "Not Found: " + method + " " + rest));
  }

  private static Reply validationFailed(String message) {
    return Reply.json(422, Map.of("message", "Validation Failed",
        "errors", List.of(Map.of("resource", "PullRequest", "code", "custom",
            "message", message)),
        "documentation_url", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"));
  }
}
