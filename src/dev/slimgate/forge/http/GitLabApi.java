package dev.slimgate.forge.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GitLab merge requests and their notes through the REST API v4. */
public final class GitLabApi implements MergeRequestApi {

  /** GitLab caps merge request descriptions and notes at 1,000,000 characters. */
  public static final int TEXT_LIMIT = 1_000_000;

  /** What a GitLab token needs for these calls, for error messages. */
  public static final String TOKEN_HINT = "the api scope (Developer role or more)";

  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 50;

  private final ForgeHttp http;
  private final String webBase;
  private final String project;
  private final String projectPath;

  /**
   * @param http calls to {@code <url>/api/v4}
   * @param webBase the GitLab address people open, e.g. https://gitlab.example.org
   * @param project the project path, e.g. group/medimproc
   */
  public GitLabApi(ForgeHttp http, String webBase, String project) {
    this.http = http;
    this.webBase = webBase.replaceAll("/+$", "");
    this.project = project;
    this.projectPath = "/projects/" + encode(project);
  }

  @Override
  public String forgeName() {
    return "GitLab";
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
    JsonNode list = http.call("GET", projectPath + "/merge_requests?state=opened&source_branch="
        + encode(sourceBranch) + "&target_branch=" + encode(targetBranch), null);
    for (JsonNode item : list) {
      return Optional.of(toRequest(item));
    }
    return Optional.empty();
  }

  @Override
  public MergeRequest create(MergeRequestDraft draft) {
    ObjectNode body = fields(draft);
    body.put("source_branch", draft.sourceBranch());
    body.put("target_branch", draft.targetBranch());
    body.put("remove_source_branch", true);
    try {
      return toRequest(http.call("POST", projectPath + "/merge_requests", body));
    } catch (ForgeApiException e) {
      if (e.status() == 409) {
        throw new AlreadyExistsException(409, "GitLab already has an open merge request for "
            + draft.sourceBranch() + " in " + project);
      }
      throw e;
    }
  }

  @Override
  public MergeRequest update(MergeRequest request, MergeRequestDraft draft) {
    return toRequest(http.call("PUT", requestPath(request), fields(draft)));
  }

  @Override
  public List<Note> notes(MergeRequest request) {
    List<Note> notes = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      JsonNode list = http.call("GET", requestPath(request) + "/notes?sort=asc&order_by="
          + "created_at&per_page=" + PAGE_SIZE + "&page=" + page, null);
      for (JsonNode item : list) {
        if (!item.path("system").asBoolean(false)) {
          notes.add(new Note(item.path("id").asLong(), item.path("body").asText("")));
        }
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
    JsonNode answer = http.call("POST", requestPath(request) + "/notes", json);
    return new Note(answer.path("id").asLong(), answer.path("body").asText(body));
  }

  @Override
  public Note editNote(MergeRequest request, Note note, String body) {
    ObjectNode json = http.json().createObjectNode().put("body", body);
    JsonNode answer = http.call("PUT", requestPath(request) + "/notes/" + note.id(), json);
    return new Note(note.id(), answer.path("body").asText(body));
  }

  @Override
  public String fileUrl(String branch, String path) {
    return webBase + "/" + project + "/-/blob/" + branch + "/" + path;
  }

  private ObjectNode fields(MergeRequestDraft draft) {
    ObjectNode body = http.json().createObjectNode();
    body.put("title", draft.title());
    body.put("description", draft.description());
    // GitLab takes labels as one comma-separated string and replaces the set with it.
    body.put("labels", String.join(",", draft.labels()));
    return body;
  }

  private String requestPath(MergeRequest request) {
    return projectPath + "/merge_requests/" + request.number();
  }

  private static MergeRequest toRequest(JsonNode item) {
    List<String> labels = new ArrayList<>();
    item.path("labels").forEach(label -> labels.add(label.isObject()
        ? label.path("name").asText() : label.asText()));
    return new MergeRequest(item.path("iid").asLong(), item.path("title").asText(""),
        item.path("description").asText(""), labels, item.path("web_url").asText(""));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
