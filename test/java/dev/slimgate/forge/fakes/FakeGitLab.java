package dev.slimgate.forge.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for the GitLab REST API v4 merge request and note calls slimgate uses, as
 * documented: PRIVATE-TOKEN authentication, 404 for unknown projects, 409 when an open merge
 * request already exists for the source branch, 400 for a description over 1,000,000 characters.
 */
public final class FakeGitLab extends FakeForge {

  private static final int LIMIT = 1_000_000;

  private final String projectPrefix;
  private final Map<Long, ObjectNode> requests = new TreeMap<>();
  private final Map<Long, List<ObjectNode>> notes = new TreeMap<>();
  private long nextNoteId = 500;

  public FakeGitLab(String token, String project) throws IOException {
    super(token);
    this.projectPrefix = "/api/v4/projects/" + URLEncoder.encode(project, StandardCharsets.UTF_8);
  }

  /** The merge requests the fake holds, open or not. */
  public synchronized List<ObjectNode> mergeRequests() {
    return new ArrayList<>(requests.values());
  }

  /** The notes of merge request {@code iid}. */
  public synchronized List<ObjectNode> notesOf(long iid) {
    return new ArrayList<>(notes.getOrDefault(iid, List.of()));
  }

  /** Adds a note by someone else, as people do in reviews. */
  public synchronized void addHumanNote(long iid, String body) {
    ObjectNode note = MAPPER.createObjectNode().put("id", nextNoteId++).put("body", body)
        .put("system", false);
    notes.computeIfAbsent(iid, k -> new ArrayList<>()).add(note);
  }

  @Override
  protected boolean authorized(HttpExchange exchange) {
    return token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"));
  }

  @Override
  protected boolean isAuthHeader(String name) {
    return name.equalsIgnoreCase("PRIVATE-TOKEN");
  }

  @Override
  protected Reply unauthorized() {
    return Reply.json(401, Map.of("message", "401 Unauthorized"));
  }

  @Override
  protected Reply route(String method, String path, Map<String, String> query, JsonNode body) {
    if (!path.startsWith(projectPrefix + "/")) {
      return Reply.json(404, Map.of("message", "404 Project Not Found"));
    }
    String rest = path.substring(projectPrefix.length());
    Matcher one = Pattern.compile("/merge_requests/(\\d+)").matcher(rest);
    Matcher notesPath = Pattern.compile("/merge_requests/(\\d+)/notes").matcher(rest);
    Matcher note = Pattern.compile("/merge_requests/(\\d+)/notes/(\\d+)").matcher(rest);
    if (rest.equals("/merge_requests") && method.equals("GET")) {
      ArrayNode list = MAPPER.createArrayNode();
      requests.values().stream()
          .filter(mr -> matches(mr, "state", query.get("state")))
          .filter(mr -> matches(mr, "source_branch", query.get("source_branch")))
          .filter(mr -> matches(mr, "target_branch", query.get("target_branch")))
          .forEach(list::add);
      return Reply.json(200, list);
    }
    if (rest.equals("/merge_requests") && method.equals("POST")) {
      for (ObjectNode mr : requests.values()) {
        if (mr.path("state").asText().equals("opened")
            && mr.path("source_branch").asText().equals(body.path("source_branch").asText())) {
          return Reply.json(409, Map.of("message", List.of("Another open merge request already"
              + " exists for this source branch: !" + mr.path("iid").asLong())));
        }
      }
      Reply tooLong = tooLong(body);
      if (tooLong != null) {
        return tooLong;
      }
      long iid = requests.size() + 1;
      ObjectNode mr = MAPPER.createObjectNode().put("iid", iid).put("id", 9000 + iid)
          .put("state", "opened")
          .put("source_branch", body.path("source_branch").asText())
          .put("target_branch", body.path("target_branch").asText())
          .put("web_url", url() + "/group/project/-/merge_requests/" + iid);
      apply(mr, body);
      requests.put(iid, mr);
      return Reply.json(201, mr);
    }
    if (one.matches() && method.equals("PUT")) {
      ObjectNode mr = requests.get(Long.parseLong(one.group(1)));
      if (mr == null) {
        return Reply.json(404, Map.of("message", "404 Not found"));
      }
      Reply tooLong = tooLong(body);
      if (tooLong != null) {
        return tooLong;
      }
      apply(mr, body);
      return Reply.json(200, mr);
    }
    if (notesPath.matches() && method.equals("GET")) {
      List<ObjectNode> all = notes.getOrDefault(Long.parseLong(notesPath.group(1)), List.of());
      int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
      int page = Integer.parseInt(query.getOrDefault("page", "1"));
      ArrayNode list = MAPPER.createArrayNode();
      all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(list::add);
      return Reply.json(200, list);
    }
    if (notesPath.matches() && method.equals("POST")) {
      long iid = Long.parseLong(notesPath.group(1));
      ObjectNode created = MAPPER.createObjectNode().put("id", nextNoteId++)
          .put("body", body.path("body").asText()).put("system", false);
      notes.computeIfAbsent(iid, k -> new ArrayList<>()).add(created);
      return Reply.json(201, created);
    }
    if (note.matches() && method.equals("PUT")) {
      long id = Long.parseLong(note.group(2));
      for (ObjectNode existing : notes.getOrDefault(Long.parseLong(note.group(1)), List.of())) {
        if (existing.path("id").asLong() == id) {
          existing.put("body", body.path("body").asText());
          return Reply.json(200, existing);
        }
      }
      return Reply.json(404, Map.of("message", "404 Not found"));
    }
    return Reply.json(404, Map.of("message", "404 Not Found: " + method + " " + rest));
  }

  private static Reply tooLong(JsonNode body) {
    if (body.path("description").asText("").length() > LIMIT) {
      return Reply.json(400, Map.of("message", Map.of("description",
          List.of("is too long (maximum is 1000000 characters)"))));
    }
    return null;
  }

  private static boolean matches(ObjectNode mr, String field, String wanted) {
    return wanted == null || mr.path(field).asText().equals(wanted);
  }

  private static void apply(ObjectNode mr, JsonNode body) {
    if (body.has("title")) {
      mr.put("title", body.path("title").asText());
    }
    if (body.has("description")) {
      mr.put("description", body.path("description").asText());
    }
    if (body.has("labels")) {
      ArrayNode labels = mr.putArray("labels");
      for (String label : body.path("labels").asText().split(",")) {
        if (!label.isBlank()) {
          labels.add(label.trim());
        }
      }
    }
  }
}
