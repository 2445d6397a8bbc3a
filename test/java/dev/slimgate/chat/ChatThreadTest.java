package dev.slimgate.chat;

import static dev.slimgate.chat.Fixtures.COMMIT;
import static dev.slimgate.chat.Fixtures.build;
import static dev.slimgate.chat.Fixtures.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.chat.Fixtures.Recorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatThreadTest {

  @TempDir
  Path state;

  @TempDir
  Path run;

  private FakeSlack slack;
  private final Recorder recorder = new Recorder();

  @BeforeEach
  void startSlack() throws IOException {
    slack = FakeSlack.start(Fixtures.TOKEN, Fixtures.WEBHOOK_SECRET);
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private ChatNotifier notifier() {
    return recorder.notifier(Fixtures.slack(slack, null), state, run);
  }

  @Test
  void aRunPostsOneTopMessage() {
    ChatNotifier notifier = notifier();
    notifier.notify(failing("lint", COMMIT, build(12)));
    notifier.notify(failing("size", COMMIT, build(12)));
    notifier.notify(failing("regression", COMMIT, build(12)));

    assertEquals(1, slack.topPosts().size());
  }

  @Test
  void laterStagesUpdateTheTopMessageInPlace() {
    ChatNotifier notifier = notifier();
    NotifyResult first = notifier.notify(failing("lint", COMMIT, build(12)));
    notifier.notify(failing("size", COMMIT, build(12)));

    assertEquals(List.of(first.threadTs()),
        slack.updates().stream().map(FakeSlack.Message::ts).toList());
  }

  @Test
  void theUpdateCarriesTheNewStage() {
    ChatNotifier notifier = notifier();
    notifier.notify(failing("lint", COMMIT, build(12)));
    notifier.notify(failing("size", COMMIT, build(12)));

    assertTrue(slack.updates().get(0).blocks().toString().contains("*Stage:* size"),
        slack.updates().get(0).blocks().toString());
  }

  @Test
  void stageDetailsAreRepliesInTheThread() {
    ChatNotifier notifier = notifier();
    NotifyResult first = notifier.notify(failing("lint", COMMIT, build(12)));
    notifier.notify(failing("size", COMMIT, build(12)));

    List<String> replyThreads = slack.posts().stream().filter(m -> m.threadTs() != null)
        .map(FakeSlack.Message::threadTs).distinct().toList();
    assertEquals(List.of(first.threadTs()), replyThreads);
  }

  @Test
  void aRerunAfterARestartRepliesInTheSameThread() {
    NotifyResult first = notifier().notify(failing("lint", COMMIT, build(12)));
    int postsBefore = slack.posts().size();

    // a new notifier over the same state directory: Jenkins restarted and the build was rerun
    new Recorder().notifier(Fixtures.slack(slack, null), state, run)
        .notify(failing("lint", COMMIT, build(13)));

    List<FakeSlack.Message> rerunPosts = slack.posts().subList(postsBefore, slack.posts().size());
    assertEquals(List.of(first.threadTs()),
        rerunPosts.stream().map(FakeSlack.Message::threadTs).toList());
  }

  @Test
  void aRerunPostsNoNewTopMessage() {
    notifier().notify(failing("lint", COMMIT, build(12)));
    new Recorder().notifier(Fixtures.slack(slack, null), state, run)
        .notify(failing("lint", COMMIT, build(13)));

    assertEquals(1, slack.topPosts().size());
  }

  @Test
  void aRerunReplySaysWhichBuildOpenedTheThread() {
    notifier().notify(failing("lint", COMMIT, build(12)));
    new Recorder().notifier(Fixtures.slack(slack, null), state, run)
        .notify(failing("lint", COMMIT, build(13)));

    FakeSlack.Message reply = slack.posts().get(slack.posts().size() - 1);
    assertTrue(reply.blocks().toString().contains("the thread was opened by " + build(12)),
        reply.blocks().toString());
  }

  @Test
  void aNewCommitOpensANewThread() {
    notifier().notify(failing("lint", COMMIT, build(12)));
    notifier().notify(failing("lint", "fedcba9876543210", build(13)));

    assertEquals(2, slack.topPosts().size());
  }

  @Test
  void theStateFileHoldsTheChannelIdAndTheThreadTs() throws IOException {
    NotifyResult first = notifier().notify(failing("lint", COMMIT, build(12)));

    JsonNode saved = new ObjectMapper().readTree(state.resolve("chat-A.json").toFile());
    assertEquals(FakeSlack.CHANNEL_ID + " " + first.threadTs(),
        saved.get("channel").asText() + " " + saved.get("ts").asText());
  }

  @Test
  void theStateIsWrittenWithoutLeavingTemporaryFiles() throws IOException {
    notifier().notify(failing("lint", COMMIT, build(12)));
    notifier().notify(failing("size", COMMIT, build(12)));

    try (Stream<Path> files = Files.list(state)) {
      assertEquals(List.of("chat-A.json"),
          files.map(path -> path.getFileName().toString()).toList());
    }
  }

  @Test
  void aDeletedTopMessageMakesTheRunOpenANewThread() {
    NotifyResult first = notifier().notify(failing("lint", COMMIT, build(12)));
    slack.delete(first.threadTs());

    NotifyResult second = notifier().notify(failing("size", COMMIT, build(12)));

    assertNotEquals(first.threadTs(), second.threadTs());
  }

  @Test
  void aDeletedTopMessageIsNoWarning() {
    NotifyResult first = notifier().notify(failing("lint", COMMIT, build(12)));
    slack.delete(first.threadTs());

    assertEquals(List.of(), notifier().notify(failing("size", COMMIT, build(12))).warnings());
  }

  @Test
  void theRequestsUseTheChannelNameThenTheIdSlackAnswered() {
    notifier().notify(failing("lint", COMMIT, build(12)));
    notifier().notify(failing("size", COMMIT, build(12)));

    List<String> channels = slack.calls().stream().map(call -> call.params().get("channel"))
        .toList();
    assertEquals(FakeSlack.CHANNEL_NAME, channels.get(0));
    assertTrue(channels.subList(1, channels.size()).stream()
        .allMatch(FakeSlack.CHANNEL_ID::equals), channels.toString());
  }
}
