package dev.slimgate.chat;

import static dev.slimgate.chat.Fixtures.COMMIT;
import static dev.slimgate.chat.Fixtures.GROUP;
import static dev.slimgate.chat.Fixtures.build;
import static dev.slimgate.chat.Fixtures.failing;
import static dev.slimgate.chat.Fixtures.passing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slimgate.chat.Fixtures.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no chat configured the console and chat.md show what Slack would show. */
class ConsoleDefaultTest {

  @TempDir
  Path state;

  @TempDir
  Path run;

  @TempDir
  Path otherState;

  @TempDir
  Path otherRun;

  private FakeSlack slack;

  @BeforeEach
  void startSlack() throws IOException {
    slack = FakeSlack.start(Fixtures.TOKEN, Fixtures.WEBHOOK_SECRET);
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private String console(ChatSummary summary) {
    Recorder recorder = new Recorder();
    recorder.notifier(Fixtures.console(GROUP), state, run).notify(summary);
    return recorder.console();
  }

  @Test
  void everyFactOfTheWebhookPostAppearsOnTheConsole() {
    ChatSummary summary = passing("regression", COMMIT, build(12));
    new Recorder().notifier(Fixtures.webhook(slack, GROUP), otherState, otherRun).notify(summary);
    List<String> facts = BlockFacts.of(slack.webhookPosts().get(0).get("blocks"));

    String console = console(summary);

    assertEquals(List.of(), facts.stream().filter(fact -> !console.contains(fact)).toList());
  }

  @Test
  void everyFactOfTheSlackThreadAppearsOnTheConsole() {
    ChatSummary summary = failing("size", COMMIT, build(12));
    new Recorder().notifier(Fixtures.slack(slack, GROUP), otherState, otherRun).notify(summary);
    ArrayNode allBlocks = new ObjectMapper().createArrayNode();
    slack.posts().forEach(message -> allBlocks.addAll((ArrayNode) message.blocks()));
    List<String> facts = BlockFacts.of(allBlocks);

    String console = console(summary);

    assertEquals(List.of(), facts.stream().filter(fact -> !console.contains(fact)).toList());
  }

  @Test
  void theComparisonCoversTheFactsTheIssueAsksFor() {
    new Recorder().notifier(Fixtures.webhook(slack, null), otherState, otherRun)
        .notify(failing("size", COMMIT, build(12)));

    List<String> facts = BlockFacts.of(slack.webhookPosts().get(0).get("blocks"));

    // the parity tests above would pass vacuously if the reader found no facts
    assertTrue(facts.containsAll(List.of("Phase A (Quick wins): FAIL", "Verdict: FAIL",
        "Baseline: 32.4 GB", "Candidate: 29.5 GB", "Budget: 29.0 GB",
        "Against budget: 500 MB over budget",
        "1. remove the duplicate ANTs install: 2.93 GB",
        "size.phase: candidate 29.5 GB is over the budget 29 GB",
        "Build: " + build(12),
        "Merge request: https://gitlab.example.org/group/medimproc/-/merge_requests/7")),
        facts.toString());
  }

  @Test
  void theConsoleShowsOnlyTheThreeLargestSavings() {
    String console = console(failing("size", COMMIT, build(12)));

    assertEquals("true false", console.contains("drop torchvision and torchaudio") + " "
        + console.contains("purge MRtrix3 build dependencies"));
  }

  @Test
  void aCheckMessageWithAngleBracketsReadsTheSameInBothPlaces() {
    // the fixture's check says "saw <none>", which Slack needs escaped as &lt;none&gt;
    ChatSummary summary = failing("tools", COMMIT, build(12));
    new Recorder().notifier(Fixtures.webhook(slack, null), otherState, otherRun).notify(summary);

    assertTrue(slack.webhookPosts().get(0).get("blocks").toString().contains("saw &lt;none&gt;"));
    assertTrue(console(summary).contains("saw <none>"));
  }

  @Test
  void theConsoleTextIsSavedInTheRunFolder() throws IOException {
    String console = console(failing("size", COMMIT, build(12)));

    assertEquals(console, Files.readString(run.resolve("chat.md")));
  }

  @Test
  void laterStagesAreAppendedToTheRunFolderText() throws IOException {
    console(failing("lint", COMMIT, build(12)));
    console(failing("size", COMMIT, build(12)));

    String saved = Files.readString(run.resolve("chat.md"));
    assertTrue(saved.indexOf("Stage lint: FAIL") < saved.indexOf("Stage size: FAIL")
        && saved.contains("Stage lint: FAIL"), saved);
  }

  @Test
  void theConsoleModeNeedsNoServer() {
    Recorder recorder = new Recorder();
    NotifyResult result = recorder.notifier(Fixtures.console(null), state, run)
        .notify(failing("size", COMMIT, build(12)));

    assertEquals(ChatSettings.Mode.CONSOLE + " " + List.of() + " 0",
        result.mode() + " " + result.warnings() + " " + slack.calls().size());
  }

  @Test
  void theWebhookTextCarriesTheFactsForMattermost() {
    ChatSummary summary = failing("size", COMMIT, build(12));
    new Recorder().notifier(Fixtures.webhook(slack, null), otherState, otherRun).notify(summary);
    JsonNode post = slack.webhookPosts().get(0);

    // Mattermost ignores blocks and shows only the text, so the text must be complete
    assertEquals(console(summary), post.get("text").asText());
  }
}
