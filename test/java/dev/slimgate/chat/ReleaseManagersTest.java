package dev.slimgate.chat;

import static dev.slimgate.chat.Fixtures.COMMIT;
import static dev.slimgate.chat.Fixtures.GROUP;
import static dev.slimgate.chat.Fixtures.build;
import static dev.slimgate.chat.Fixtures.failing;
import static dev.slimgate.chat.Fixtures.passing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.chat.Fixtures.Recorder;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release-manager group is called once per phase, not on every later run. */
class ReleaseManagersTest {

  private static final String MENTION = "<!subteam^" + GROUP + ">";

  @TempDir
  Path state;

  @TempDir
  Path run;

  private FakeSlack slack;

  @BeforeEach
  void startSlack() throws IOException {
    slack = FakeSlack.start(Fixtures.TOKEN, Fixtures.WEBHOOK_SECRET);
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }

  private NotifyResult notify(ChatSettings settings, ChatSummary summary) {
    // a new notifier each time, as each run is a new process
    return new Recorder().notifier(settings, state, run).notify(summary);
  }

  private long mentionsInPosts() {
    return slack.posts().stream().filter(m -> m.blocks().toString().contains(MENTION)).count();
  }

  @Test
  void severalPassingRunsMentionTheReleaseManagersExactlyOnce() {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    notify(settings, failing("size", COMMIT, build(11)));
    notify(settings, passing("regression", COMMIT, build(12)));
    notify(settings, passing("regression", COMMIT, build(13)));
    notify(settings, passing("regression", "fedcba9876543210", build(14)));

    assertEquals(1, mentionsInPosts());
  }

  @Test
  void aFailingRunDoesNotMentionThem() {
    notify(Fixtures.slack(slack, GROUP), failing("size", COMMIT, build(11)));

    assertEquals(0, mentionsInPosts());
  }

  @Test
  void theMentionIsAReplyBroadcastToTheChannel() {
    NotifyResult result = notify(Fixtures.slack(slack, GROUP),
        passing("regression", COMMIT, build(12)));

    FakeSlack.Message mention = slack.posts().stream()
        .filter(m -> m.blocks().toString().contains(MENTION)).findFirst().orElseThrow();
    assertEquals(result.threadTs() + " broadcast=true",
        mention.threadTs() + " broadcast=" + mention.broadcast());
  }

  @Test
  void theResultSaysWhenTheMentionWasMade() {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    boolean first = notify(settings, passing("regression", COMMIT, build(12)))
        .releaseManagersMentioned();
    boolean second = notify(settings, passing("regression", COMMIT, build(13)))
        .releaseManagersMentioned();

    assertEquals("true false", first + " " + second);
  }

  @Test
  void aFailedMentionIsTriedAgainOnTheNextPassingRun() {
    ChatSettings settings = Fixtures.slack(slack, GROUP);
    notify(settings, failing("size", COMMIT, build(11)));
    // the update and the stage reply go through, the mention hits an outage
    slack.failNext(200, call -> "{\"ok\":true}");
    slack.failNext(200, call -> "{\"ok\":true,\"channel\":\"C0MEDIMPROC\",\"ts\":\"1.2\"}");
    slack.failNext(503, call -> "down");
    notify(settings, passing("regression", COMMIT, build(12)));

    notify(settings, passing("regression", COMMIT, build(13)));

    assertEquals(1, mentionsInPosts());
  }

  @Test
  void noGroupConfiguredMeansNoMention() {
    notify(Fixtures.slack(slack, null), passing("regression", COMMIT, build(12)));

    assertTrue(slack.posts().stream().noneMatch(m -> m.blocks().toString()
        .contains("<!subteam^")));
  }

  @Test
  void webhookModeMentionsOnceToo() {
    ChatSettings settings = Fixtures.webhook(slack, GROUP);
    notify(settings, passing("regression", COMMIT, build(12)));
    notify(settings, passing("regression", COMMIT, build(13)));
    notify(settings, passing("regression", COMMIT, build(14)));

    assertEquals(1, slack.webhookPosts().stream()
        .filter(post -> post.get("blocks").toString().contains(MENTION)).count());
  }

  @Test
  void webhookModePostsEveryUpdateAsANewMessage() {
    ChatSettings settings = Fixtures.webhook(slack, GROUP);
    notify(settings, failing("lint", COMMIT, build(12)));
    notify(settings, failing("size", COMMIT, build(12)));

    assertEquals(2, slack.webhookPosts().size());
  }

  @Test
  void theConsoleShowsTheMentionOnce() {
    Recorder first = new Recorder();
    first.notifier(Fixtures.console(GROUP), state, run)
        .notify(passing("regression", COMMIT, build(12)));
    Recorder second = new Recorder();
    second.notifier(Fixtures.console(GROUP), state, run)
        .notify(passing("regression", COMMIT, build(13)));

    assertEquals("true false", first.console().contains("@" + GROUP) + " "
        + second.console().contains("@" + GROUP));
  }
}
