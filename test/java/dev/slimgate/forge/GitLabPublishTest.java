package dev.slimgate.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.forge.MergeRequestResult.Action;
import dev.slimgate.forge.fakes.BareRepo;
import dev.slimgate.forge.fakes.FakeGitLab;
import dev.slimgate.forge.git.BranchResult;
import dev.slimgate.forge.http.ForgeApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabPublishTest {

  private static final String TOKEN = "glpat-Tok3n-9d8e7f6a5b4c";
  private static final String PROJECT = "group/medimproc";
  private static final String LIST = "/api/v4/projects/group%2Fmedimproc/merge_requests";
  private static final String LIST_CALL = "GET /projects/group%2Fmedimproc/merge_requests"
      + "?state=opened&source_branch=slimgate%2Fphase-a&target_branch=main";

  @TempDir Path dir;

  private Bench bench;
  private FakeGitLab gitlab;

  @BeforeEach
  void start() throws Exception {
    bench = new Bench(dir, TOKEN);
    gitlab = new FakeGitLab(TOKEN, PROJECT);
  }

  @AfterEach
  void stop() throws Exception {
    gitlab.close();
    bench.close();
    assertNoToken();
  }

  @Test
  void twoRunsOfAPhaseLeaveOneMergeRequestUpdatedInPlace() throws Exception {
    bench.publish(settings());
    bench.report("# Phase A: passed\n\nSecond run, smaller image.\n");

    PublishResult second = bench.publish(settings());

    assertEquals(1, gitlab.mergeRequests().size());
    assertEquals(Action.UPDATED, second.mergeRequest().action());
    assertTrue(gitlab.mergeRequests().get(0).path("description").asText()
        .contains("Second run, smaller image."));
  }

  @Test
  void twoRunsLeaveOneResultsNoteEditedInPlace() throws Exception {
    bench.publish(settings());
    gitlab.addHumanNote(1, "looks good to me");
    bench.report("# Phase A: passed\n\nSecond run, smaller image.\n");

    bench.publish(settings());

    List<String> bodies = gitlab.notesOf(1).stream().map(n -> n.path("body").asText()).toList();
    assertEquals(2, bodies.size());
    assertEquals("looks good to me", bodies.get(1));
    assertTrue(bodies.get(0).contains("Second run, smaller image."), bodies.get(0));
  }

  @Test
  void anUnchangedRerunMakesNoWriteCallsAndNoCommit() throws Exception {
    bench.publish(settings());
    int commits = BareRepo.commitCount(bench.bare, "slimgate/phase-a");
    int writes = gitlab.lines("PUT").size() + gitlab.lines("POST").size();

    PublishResult rerun = bench.publish(settings());

    assertEquals(BranchResult.Outcome.UNCHANGED, rerun.branch().outcome());
    assertEquals(Action.UNCHANGED, rerun.mergeRequest().action());
    assertEquals(Action.UNCHANGED, rerun.mergeRequest().note());
    assertEquals(writes, gitlab.lines("PUT").size() + gitlab.lines("POST").size());
    assertEquals(commits, BareRepo.commitCount(bench.bare, "slimgate/phase-a"));
  }

  @Test
  void titleLabelsAndBranchesReachTheMergeRequest() throws Exception {
    bench.publish(settings());

    JsonNode mr = gitlab.mergeRequests().get(0);
    assertEquals("slimgate: promote the phase A candidate", mr.path("title").asText());
    assertEquals("[\"slimgate\",\"phase-a\"]", mr.path("labels").toString());
    assertEquals("slimgate/phase-a", mr.path("source_branch").asText());
    assertEquals("main", mr.path("target_branch").asText());
  }

  @Test
  void theDescriptionLinksTheFullReportOnTheBranch() throws Exception {
    bench.publish(settings());

    assertTrue(gitlab.mergeRequests().get(0).path("description").asText()
        .contains("[slimgate/reports/phase-a.md](" + gitlab.url()
            + "/group/medimproc/-/blob/slimgate/phase-a/slimgate/reports/phase-a.md)"));
  }

  @Test
  void anAlreadyExistsAnswerUpdatesTheExistingRequest() throws Exception {
    bench.publish(settings());
    gitlab.inject("GET", LIST, 200, Map.of(), "[]", 1);
    bench.report("# Phase A: passed\n\nSecond run.\n");

    PublishResult second = bench.publish(settings());

    assertEquals(Action.UPDATED, second.mergeRequest().action());
    assertEquals(1, gitlab.mergeRequests().size());
    assertTrue(bench.events.all().contains("GitLab already has an open merge request for"
        + " slimgate/phase-a in group/medimproc; updating that one instead"));
  }

  @Test
  void aRunThatPushedButCouldNotOpenTheRequestIsFinishedByTheNext() throws Exception {
    gitlab.inject("POST", LIST, 502, Map.of(), "{\"message\":\"bad gateway\"}", 5);
    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));
    assertEquals("GitLab at " + gitlab.url() + " answered HTTP 502 to POST"
        + " /projects/group%2Fmedimproc/merge_requests 5 times (last answer: {\"message\":\"bad"
        + " gateway\"}): try again later", error.getMessage());
    JsonNode pending = new ObjectMapper().readTree(bench.runDir.resolve("publish.json").toFile());
    assertEquals("pending", pending.path("state").asText());

    PublishResult next = bench.publish(settings());

    assertEquals(BranchResult.Outcome.UNCHANGED, next.branch().outcome());
    assertEquals(Action.CREATED, next.mergeRequest().action());
    assertEquals(1, gitlab.mergeRequests().size());
  }

  @Test
  void aServerErrorIsRetriedAfterABackoff() {
    gitlab.inject("POST", LIST, 500, Map.of(), "{}", 1);

    PublishResult result = bench.publish(settings());

    assertEquals(Action.CREATED, result.mergeRequest().action());
    assertEquals(List.of(Duration.ofSeconds(1)), bench.sleeps);
  }

  @Test
  void aRateLimitWaitsAsRetryAfterSays() {
    gitlab.inject("GET", LIST, 429, Map.of("Retry-After", "7"), "{}", 1);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(7)), bench.sleeps);
  }

  @Test
  void aRateLimitWaitsUntilRateLimitReset() {
    long reset = Bench.NOW.getEpochSecond() + 12;
    gitlab.inject("GET", LIST, 429, Map.of("RateLimit-Reset", Long.toString(reset)), "{}", 1);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(12)), bench.sleeps);
  }

  @Test
  void aRetryAfterDateIsCountedFromNow() {
    gitlab.inject("GET", LIST, 503, Map.of("Retry-After", "Fri, 04 Dec 2026 12:00:09 GMT"),
        "{}", 1);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(9)), bench.sleeps);
  }

  @Test
  void aSmallRateLimitResetIsReadAsSecondsToWait() {
    gitlab.inject("GET", LIST, 429, Map.of("RateLimit-Reset", "4"), "{}", 1);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(4)), bench.sleeps);
  }

  @Test
  void repeatedServerErrorsBackOffExponentially() {
    gitlab.inject("GET", LIST, 503, Map.of(), "{}", 4);

    bench.publish(settings());

    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8)), bench.sleeps);
  }

  @Test
  void aRateLimitLongerThanTheLimitGivesUpAtOnce() {
    gitlab.inject("GET", LIST, 429, Map.of("Retry-After", "3600"), "{}", 1);

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));

    assertEquals("GitLab at " + gitlab.url() + " asks to wait 3600s before " + LIST_CALL
        + " (HTTP 429), longer than the 300s slimgate waits: rerun the publication later",
        error.getMessage());
    assertEquals(List.of(), bench.sleeps);
  }

  @Test
  void a401NamesTheTokenSetting() {
    gitlab.inject("GET", LIST, 401, Map.of(), "{\"message\":\"401 Unauthorized\"}", 1);

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));

    assertEquals("GitLab at " + gitlab.url() + " refused the token (HTTP 401) for " + LIST_CALL
        + ": set SLIMGATE_FORGE_TOKEN to a valid token with the api scope (Developer role or"
        + " more)", error.getMessage());
  }

  @Test
  void a403NamesTheTokenSettingAndTheProject() {
    gitlab.inject("GET", LIST, 403, Map.of(), "{\"message\":\"403 Forbidden\"}", 1);

    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(settings()));

    assertEquals("GitLab at " + gitlab.url() + " forbade " + LIST_CALL + " (HTTP 403): the"
        + " token in SLIMGATE_FORGE_TOKEN lacks the rights on project 'group/medimproc'; give"
        + " it the api scope (Developer role or more)", error.getMessage());
  }

  @Test
  void a404NamesTheProjectPath() {
    ForgeApiException error = assertThrows(ForgeApiException.class,
        () -> bench.publish(bench.gitlab(gitlab.url(), "group/other")));

    assertEquals("GitLab at " + gitlab.url() + " has no project 'group/other' that this token"
        + " can see (HTTP 404 for GET /projects/group%2Fother/merge_requests?state=opened"
        + "&source_branch=slimgate%2Fphase-a&target_branch=main): check --forge-project"
        + " (forge.project) and that the token's user is a member of the project",
        error.getMessage());
  }

  @Test
  void aWrongTokenIsAnsweredWith401ByTheFakeItself() throws Exception {
    try (FakeGitLab strict = new FakeGitLab("another-token", PROJECT)) {
      ForgeApiException error = assertThrows(ForgeApiException.class,
          () -> bench.publish(bench.gitlab(strict.url(), PROJECT)));

      assertEquals(401, error.status());
    }
  }

  @Test
  void theTokenTravelsOnlyInThePrivateTokenHeader() {
    bench.publish(settings());

    assertTrue(gitlab.requests().stream()
        .allMatch(r -> List.of(TOKEN).equals(r.headers().get("Private-token"))));
  }

  private ForgeSettings settings() {
    return bench.gitlab(gitlab.url(), PROJECT);
  }

  private void assertNoToken() throws Exception {
    assertFalse(bench.events.all().contains(TOKEN), "events");
    assertFalse(String.join("\n", bench.errors).contains(TOKEN), "exception messages");
    assertFalse(gitlab.everythingButAuthHeaders().contains(TOKEN), "requests to GitLab");
    assertFalse(String.join("\n", bench.git.requestLines()).contains(TOKEN), "git requests");
    assertFalse(BareRepo.everything(bench.bare).contains(TOKEN), "commits");
    assertFalse(bench.runFolderText().contains(TOKEN), "run folder");
    assertTrue(Files.exists(bench.runDir.resolve("mr.md")) || !bench.errors.isEmpty());
  }
}
