package dev.slimgate.forge.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** GitHub pull requests, their labels and issue comments through the REST API. */
public final class GitHubApi implements MergeRequestApi {

  /** GitHub caps pull request bodies and comments at 65,536 characters. */
  public static final int TEXT_LIMIT = 65_536;

  /** What a GitHub token needs for these calls, for error messages. */
  public static final String TOKEN_HINT =
      "write access to pull requests and issues (classic token: the repo scope)";

  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 50;

  private final ForgeHttp http;
  private final String webBase;
  private final String owner;
  private final String repoPath;
  private final String project;

  /**
   * @param http calls to the API root (https://api.github.com or https://host/api/v3)
   * @param apiUrl that API root, from which the web address for links is derived
   * @param project owner/repo
   */
  public GitHubApi(ForgeHttp http, String apiUrl, String project) {
    this.http = http;
    this.webBase = webBase(apiUrl);
    this.project = project;
    this.owner = project.substring(0, project.indexOf('/'));
    this.repoPath = "/repos/" + project;
  }

  @Override
  public String forgeName() {
    return "GitHub";
  }

  @Override
  public int descriptionLimit() {
    return TEXT_LIMIT;
  }

  @Override
  public int noteLimit() {
    return TEXT_LIMIT;
  }

  @Override
  public Optional<MergeRequest> findOpen(String sourceBranch, String targetBranch) {
    JsonNode list = http.call("GET", repoPath + "/pulls?state=open&head="
        + encode(owner + ":" + sourceBranch) + "&base=" + encode(targetBranch), null);
    for (JsonNode item : list) {
      return Optional.of(toRequest(item));
    }
    return Optional.empty();
  }

  @Override
  public MergeRequest create(MergeRequestDraft draft) {
    ObjectNode body = http.json().createObjectNode();
    body.put("title", draft.title());
    body.put("head", draft.sourceBranch());
    body.put("base", draft.targetBranch());
    body.put("body", draft.description());
    MergeRequest created;
    try {
      created = toRequest(http.call("POST", repoPath + "/pulls", body));
    } catch (ForgeApiException e) {
      if (e.status() == 422 && e.getMessage().toLowerCase(Locale.ROOT)
          .contains("already exists")) {
        throw new AlreadyExistsException(422, "GitHub already has an open pull request for "
            + draft.sourceBranch() + " in " + project);
      }
      throw e;
    }
    // Pull requests take labels through the issues API only.
    return withLabels(created, draft.labels());
  }

  @Override
  public MergeRequest update(MergeRequest request, MergeRequestDraft draft) {
    // Labels first: the body carries the hash that marks the update as done.
    MergeRequest labelled = withLabels(request, draft.labels());
    ObjectNode body = http.json().createObjectNode();
    body.put("title", draft.title());
    body.put("body", draft.description());
    MergeRequest updated = toRequest(http.call("PATCH", repoPath + "/pulls/"
        + request.number(), body));
    return new MergeRequest(updated.number(), updated.title(), updated.description(),
        labelled.labels(), updated.webUrl());
  }

  @Override
  public List<Note> notes(MergeRequest request) {
    List<Note> notes = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode list = http.call("GET", repoPath + "/issues/" + request.number()
          + "/comments?per_page=" + PAGE_SIZE + "&page=" + page, null);
      for (JsonNode item : list) {
        notes.add(new Note(item.path("id").asLong(), item.path("body").asText("")));
      }
      if (list.size() < PAGE_SIZE) {
        break;
      }
    }
    return notes;
  }

  @Override
  public Note createNote(MergeRequest request, String body) {
    ObjectNode json = http.json().createObjectNode().put("body", body);
    JsonNode answer = http.call("POST", repoPath + "/issues/" + request.number() + "/comments",
        json);
    return new Note(answer.path("id").asLong(), answer.path("body").asText(body));
  }

  @Override
  public Note editNote(MergeRequest request, Note note, String body) {
    ObjectNode json = http.json().createObjectNode().put("body", body);
    JsonNode answer = http.call("PATCH", repoPath + "/issues/comments/" + note.id(), json);
    return new Note(note.id(), answer.path("body").asText(body));
  }

  @Override
  public String fileUrl(String branch, String path) {
    return webBase + "/" + project + "/blob/" + branch + "/" + path;
  }

  private MergeRequest withLabels(MergeRequest request, List<String> labels) {
    if (new HashSet<>(labels).equals(new HashSet<>(request.labels()))) {
      return request;
    }
    ObjectNode body = http.json().createObjectNode();
    ArrayNode names = body.putArray("labels");
    labels.forEach(names::add);
    JsonNode answer = http.call("PUT", repoPath + "/issues/" + request.number() + "/labels",
        body);
    List<String> set = new ArrayList<>();
    answer.forEach(label -> set.add(label.path("name").asText()));
    return new MergeRequest(request.number(), request.title(), request.description(), set,
        request.webUrl());
  }

  private static MergeRequest toRequest(JsonNode item) {
    List<String> labels = new ArrayList<>();
    item.path("labels").forEach(label -> labels.add(label.path("name").asText()));
    return new MergeRequest(item.path("number").asLong(), item.path("title").asText(""),
        item.path("body").asText(""), labels, item.path("html_url").asText(""));
  }

  private static String webBase(String apiUrl) {
    String base = apiUrl.replaceAll("/+$", "");
    if (base.endsWith("/api/v3")) {
      return base.substring(0, base.length() - "/api/v3".length());
    }
    return base.replace("://api.github.com", "://github.com");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
