package dev.slimgate.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slimgate.forge.MergeRequestResult.Action;
import dev.slimgate.forge.fakes.BareRepo;
import dev.slimgate.forge.fakes.FakeGitHub;
import dev.slimgate.forge.http.ForgeApiException;
import dev.slimgate.forge.http.GitHubApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubPublishTest {

  private static final String TOKEN = "ghp_T0kenValue1234567890abcdef";
  private static final String PROJECT = "neuro/medimproc";
  private static final String PULLS = "/repos/neuro/medimproc/pulls";
  private static final String LIST_CALL = "GET /repos/neuro/medimproc/pulls?state=open"
      + "&head=neuro%3Aslimgate%2Fphase-a&base=main";

  @TempDir Path dir;

  private Bench bench;
  private FakeGitHub github;

  @BeforeEach
  void start() throws Exception {
    bench = new Bench(dir, TOKEN);
    github = new FakeGitHub(TOKEN, PROJECT);
  }

  @AfterEach
  void stop() throws Exception {
    github.close();
    bench.close();
    assertFalse(bench.events.all().contains(TOKEN), "events");
    assertFalse(String.join("\n", bench.errors).contains(TOKEN), "exception messages");
    assertFalse(github.everythingButAuthHeaders().contains(TOKEN), "requests to GitHub");
    assertFalse(String.join("\n", bench.git.requestLines()).contains(TOKEN), "git requests");
    assertFalse(BareRepo.everything(bench.bare).contains(TOKEN), "commits");
    assertFalse(bench.runFolderText().contains(TOKEN), "run folder");
  }

  @Test
  void twoRunsOfAPhaseLeaveOnePullRequestUpdatedInPlace() throws Exception {
    bench.publish(settings());
    bench.report("# Phase A: passed\n\nSecond run, smaller image.\n");

    PublishResult second = bench.publish(settings());

    assertEquals(1, github.pulls().size());
    assertEquals(Action.UPDATED, second.mergeRequest().action());
    assertTrue(github.pulls().get(0).path("body").asText().contains("Second run"));
    assertEquals(1, github.lines("PATCH").stream().filter(l -> l.startsWith("PATCH " + PULLS))
        .count());
  }

  @Test
  void twoRunsLeaveOneResultsCommentEditedInPlace() throws Exception {
    bench.publish(settings());
    bench.report("# Phase A: passed\n\nSecond run, smaller image.\n");

    bench.publish(settings());

    List<JsonNode> comments = List.copyOf(github.commentsOf(1));
    assertEquals(1, comments.size());
    assertTrue(comments.get(0).path("body").asText().contains("Second run, smaller image."));
  }

  @Test
  void labelsAreSetThroughTheIssuesApi() throws Exception {
    bench.publish(settings());

    assertEquals("[{\"name\":\"slimgate\"},{\"name\":\"phase-a\"}]",
        github.pulls().get(0).path("labels").toString());
  }

  @Test
  void anUnchangedRerunMakesNoWriteCalls() throws Exception {
    bench.publish(settings());
    int writes = writes();

    PublishResult rerun = bench.publish(settings());

    assertEquals(Action.UNCHANGED, rerun.mergeRequest().action());
    assertEquals(writes, writes());
  }

  @Test
  void aPullRequestAlreadyExistsAnswerUpdatesTheExistingOne() throws Exception {
    bench.publish(settings());
    github.inject("GET", PULLS, 200, Map.of(), "[]", 1);
    bench.report("# Phase A: passed\n\nSecond run.\n");

    PublishResult second = bench.publish(settings());

    assertEquals(Action.UPDATED, second.mergeRequest().action());
    assertEquals(1, github.pulls().size());
    assertTrue(bench.events.all().contains("GitHub already has an open pull request for"
        + " slimgate/phase-a in neuro/medimproc; updating that one instead"));
  }

  @Test
  void aReportLongerThanTheBodyLimitIsCutAndLinked() throws Exception {
    bench.report("# Phase A: passed\n\n" + "| layer | size |\n".repeat(8000));

    PublishResult result = bench.publish(settings());

    String body = github.pulls().get(0).path("body").asText();
    assertEquals(Action.CREATED, result.mergeRequest().action());
    assertTrue(body.length() <= GitHubApi.TEXT_LIMIT, "length " + body.length());
    assertTrue(body.contains("**The report is cut here**: it has 136018 characters and a GitHub"
        + " description holds at most 65536. Full report: [slimgate/reports/phase-a.md]("
        + github.url() + "/neuro/medimproc/blob/slimgate/phase-a/slimgate/reports/phase-a.md)"),
        body.substring(body.length() - 400));
  }

  @Test
  void aSecondaryRateLimit403IsRetriedAfterReset() {
    long reset = Bench.NOW.getEpochSecond() + 30;
    github.inject("GET", PULLS, 403, Map.of("X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset", Long.toString(reset)), "{\"message\":\"API rate limit exceeded\"}", 1);

    PublishResult result = bench.publish(settings());

    assertEquals(Action.CREATED, result.mergeRequest().action());
    assertEquals(List.of(Duration.ofSeconds(30)), bench.sleeps);
  }

  @Test
  void a429IsRetriedAsRetryAfterSays() {
    github.inject("POST", PULLS, 429, Map.of("Retry-After", "3"), "{}", 2);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), bench.sleeps);
  }

  @Test
  void a500ThenSuccessCreatesThePullRequestOnce() {
    github.inject("POST", PULLS, 500, Map.of(), "{\"message\":\"Server Error\"}", 1);

    bench.publish(settings());

    assertEquals(1, github.pulls().size());
  }

  @Test
  void a401NamesTheTokenSetting() {
    github.inject("GET", PULLS, 401, Map.of(), "{\"message\":\"Bad credentials\"}", 1);

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));

    assertEquals("GitHub at " + github.url() + " refused the token (HTTP 401) for " + LIST_CALL
        + ": set SLIMGATE_FORGE_TOKEN to a valid token with write access to pull requests and"
        + " issues (classic token: the repo scope)", error.getMessage());
  }

  @Test
  void a403WithoutRateLimitNamesTheTokenSetting() {
    github.inject("POST", PULLS, 403, Map.of(), "{\"message\":\"Resource not accessible\"}", 1);

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));

    assertEquals("GitHub at " + github.url() + " forbade POST /repos/neuro/medimproc/pulls"
        + " (HTTP 403): the token in SLIMGATE_FORGE_TOKEN lacks the rights on project"
        + " 'neuro/medimproc'; give it write access to pull requests and issues (classic token:"
        + " the repo scope)", error.getMessage());
  }

  @Test
  void a404NamesTheProjectPath() {
    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(bench.github(github.url(), "neuro/missing")));

    assertEquals("GitHub at " + github.url() + " has no project 'neuro/missing' that this token"
        + " can see (HTTP 404 for GET /repos/neuro/missing/pulls?state=open&head=neuro%3A"
        + "slimgate%2Fphase-a&base=main): check --forge-project (forge.project) and that the"
        + " token's user is a member of the project", error.getMessage());
  }

  @Test
  void aForgeThatCannotBeReachedIsNamedAfterBoundedRetries() throws Exception {
    String closed = github.url();
    github.close();

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(bench.github(closed, PROJECT)));

    assertTrue(error.getMessage().startsWith("could not reach GitHub at " + closed + " for "
        + LIST_CALL + " after 5 attempts (ConnectException"), error.getMessage());
    assertEquals(4, bench.sleeps.size());
  }

  private int writes() {
    return github.lines("PUT").size() + github.lines("POST").size()
        + github.lines("PATCH").size();
  }

  private ForgeSettings settings() {
    return bench.github(github.url(), PROJECT);
  }
}
