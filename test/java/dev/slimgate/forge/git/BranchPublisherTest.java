package dev.slimgate.forge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.InfrastructureException;
import dev.slimgate.core.UsageException;
import dev.slimgate.forge.FileChange;
import dev.slimgate.forge.ForgeToken;
import dev.slimgate.forge.fakes.BareRepo;
import dev.slimgate.forge.fakes.GitHttpServer;
import dev.slimgate.forge.fakes.OtherClone;
import dev.slimgate.forge.fakes.RecordingEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchPublisherTest {

  private static final String TOKEN = "glpat-SeCrEt-7f3a9c21d4";
  private static final String BRANCH = "slimgate/phase-a";

  @TempDir Path dir;

  private GitHttpServer server;
  private Path bare;
  private String remote;
  private final RecordingEvents events = new RecordingEvents();

  @BeforeEach
  void startRemote() throws Exception {
    server = GitHttpServer.start(TOKEN);
    bare = server.createRepository(dir, "medimproc",
        Map.of("Dockerfile", "FROM scratch\n# production\n", "README.md", "image\n"));
    remote = server.url("medimproc");
  }

  @AfterEach
  void stopRemote() throws Exception {
    server.close();
  }

  @Test
  void aNewPhaseBranchStartsFromTheTargetTip() throws Exception {
    ObjectId mainTip = OtherClone.tip(bare, "main");

    BranchResult result = publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");

    assertEquals(BranchResult.Outcome.CREATED, result.outcome());
    assertEquals(List.of(mainTip), BareRepo.parents(bare, result.commitId()));
    assertEquals("FROM scratch\n# candidate v1\n", BareRepo.read(bare, BRANCH, "Dockerfile"));
    assertEquals("# report v1\n", BareRepo.read(bare, BRANCH, "slimgate/reports/phase-a.md"));
    assertEquals(mainTip, OtherClone.tip(bare, "main"));
  }

  @Test
  void aRerunWithTheSameContentMakesNoCommit() throws Exception {
    BranchResult first = publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");

    BranchResult second = publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");

    assertEquals(BranchResult.Outcome.UNCHANGED, second.outcome());
    assertEquals(first.commitId(), OtherClone.tip(bare, BRANCH).name());
    assertEquals(2, BareRepo.commitCount(bare, BRANCH));
  }

  @Test
  void aRerunWithNewContentAddsOneCommitOnTheBranch() throws Exception {
    BranchResult first = publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");

    BranchResult second = publisher().publish(remote, "main", BRANCH, promotion("v2"), "msg");

    assertEquals(BranchResult.Outcome.UPDATED, second.outcome());
    assertEquals(List.of(ObjectId.fromString(first.commitId())),
        BareRepo.parents(bare, second.commitId()));
  }

  @Test
  void aPushRacingBetweenAdvertisementAndUpdateIsRebuiltOnTheNewTip() throws Exception {
    publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");
    server.beforeNextReceive(repo -> colleaguePushes());

    BranchResult result = publisher().publish(remote, "main", BRANCH, promotion("v2"), "msg");

    assertEquals(2, result.attempts());
    assertEquals(List.of(OtherClone.tip(bare, BRANCH)).get(0).name(), result.commitId());
    assertEquals("the colleague's note\n", BareRepo.read(bare, BRANCH, "NOTES.md"));
    assertEquals("FROM scratch\n# candidate v2\n", BareRepo.read(bare, BRANCH, "Dockerfile"));
  }

  @Test
  void aPushRacingBetweenFetchAndPushIsRebuiltOnTheNewTip() throws Exception {
    publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");
    AtomicInteger hookCalls = new AtomicInteger();
    BranchPublisher racing = publisher(attempt -> {
      if (hookCalls.incrementAndGet() == 1) {
        colleaguePushes();
      }
    });

    BranchResult result = racing.publish(remote, "main", BRANCH, promotion("v2"), "msg");

    assertEquals(2, result.attempts());
    assertEquals("the colleague's note\n", BareRepo.read(bare, BRANCH, "NOTES.md"));
    assertEquals("FROM scratch\n# candidate v2\n", BareRepo.read(bare, BRANCH, "Dockerfile"));
  }

  @Test
  void aPushToTheTargetMeanwhileLeavesTheNewBranchOnTheTipItWasBuiltOn() throws Exception {
    ObjectId oldTip = OtherClone.tip(bare, "main");
    BranchPublisher racing = publisher(attempt -> {
      try {
        OtherClone.push(bare, dir, "main", "CHANGELOG.md", "a release\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    BranchResult result = racing.publish(remote, "main", BRANCH, promotion("v1"), "msg");

    assertEquals(BranchResult.Outcome.CREATED, result.outcome());
    assertEquals(List.of(oldTip), BareRepo.parents(bare, result.commitId()));
    assertEquals("a release\n", BareRepo.read(bare, "main", "CHANGELOG.md"));
  }

  @Test
  void aBranchThatKeepsMovingEndsWithABoundedFailure() throws Exception {
    publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");
    AtomicInteger pushes = new AtomicInteger();
    BranchPublisher racing = publisher(attempt -> colleaguePushes(pushes.incrementAndGet()));

    InfrastructureException error = assertThrows(InfrastructureException.class,
        () -> racing.publish(remote, "main", BRANCH, promotion("v2"), "msg"));

    assertEquals("gave up pushing slimgate/phase-a to " + remote + " after 4 attempts: the"
        + " branch moved before every push; rerun when the pushes to slimgate/phase-a have"
        + " stopped", error.getMessage());
  }

  @Test
  void theTargetBranchItselfIsRefused() throws Exception {
    ObjectId mainTip = OtherClone.tip(bare, "main");

    UsageException error = assertThrows(UsageException.class,
        () -> publisher().publish(remote, "main", "main", promotion("v1"), "msg"));

    assertEquals("refusing to push the promotion to the target branch 'main' itself: slimgate"
        + " only pushes its phase branch and leaves the merge to review; give another target"
        + " branch (--target-branch or forge.target_branch)", error.getMessage());
    assertEquals(mainTip, OtherClone.tip(bare, "main"));
  }

  @Test
  void aMissingTargetBranchIsNamed() {
    UsageException error = assertThrows(UsageException.class,
        () -> publisher().publish(remote, "develop", BRANCH, promotion("v1"), "msg"));

    assertTrue(error.getMessage().startsWith("the remote " + remote + " has no branch 'develop'"),
        error.getMessage());
  }

  @Test
  void contentTheTargetAlreadyHasNeedsNoBranch() throws Exception {
    List<FileChange> same = List.of(file("Dockerfile", "FROM scratch\n# production\n"));

    BranchResult result = publisher().publish(remote, "main", BRANCH, same, "msg");

    assertEquals(BranchResult.Outcome.ALREADY_ON_TARGET, result.outcome());
    assertNull(OtherClone.tip(bare, BRANCH));
  }

  @Test
  void aWrongTokenNamesTheSettingWithoutShowingIt() {
    GitAccess wrong = new GitAccess(Optional.of(new ForgeToken("wrong-" + TOKEN)), "oauth2",
        null, null);
    BranchPublisher publisher = new BranchPublisher(wrong, events);

    InfrastructureException error = assertThrows(InfrastructureException.class,
        () -> publisher.publish(remote, "main", BRANCH, promotion("v1"), "msg"));

    assertTrue(error.getMessage().contains("the remote refused the credentials: set"
        + " SLIMGATE_FORGE_TOKEN to a token that may push"), error.getMessage());
    assertFalse(error.getMessage().contains(TOKEN), error.getMessage());
  }

  @Test
  void aRemoteUrlWithAPasswordIsRefusedWithoutShowingIt() {
    String withPassword = remote.replace("http://", "http://oauth2:" + TOKEN + "@");

    UsageException error = assertThrows(UsageException.class,
        () -> publisher().publish(withPassword, "main", BRANCH, promotion("v1"), "msg"));

    assertEquals("git remote " + remote + " carries a password: remove it from the URL and put"
        + " the token in SLIMGATE_FORGE_TOKEN", error.getMessage());
  }

  @Test
  void aLocalBareRepositoryPathIsARemote() throws Exception {
    BranchPublisher local = new BranchPublisher(GitAccess.anonymous(), events);

    BranchResult result = local.publish(bare.toString(), "main", BRANCH, promotion("v1"), "m");

    assertEquals(BranchResult.Outcome.CREATED, result.outcome());
    assertEquals("FROM scratch\n# candidate v1\n", BareRepo.read(bare, BRANCH, "Dockerfile"));
  }

  @Test
  void theTokenAppearsInNoEventAndNoCommit() throws Exception {
    publisher().publish(remote, "main", BRANCH, promotion("v1"), "msg");
    server.beforeNextReceive(repo -> colleaguePushes());
    publisher().publish(remote, "main", BRANCH, promotion("v2"), "msg");

    assertFalse(events.all().contains(TOKEN), events.all());
    assertFalse(BareRepo.everything(bare).contains(TOKEN));
    assertFalse(String.join("\n", server.requestLines()).contains(TOKEN));
  }

  private BranchPublisher publisher() {
    return publisher(attempt -> {});
  }

  private BranchPublisher publisher(BranchPublisher.PushHook hook) {
    GitAccess access = new GitAccess(Optional.of(new ForgeToken(TOKEN)), "oauth2", null, null);
    return new BranchPublisher(access, events, new PersonIdent("slimgate", "s@localhost"), hook);
  }

  private void colleaguePushes() {
    colleaguePushes(1);
  }

  private void colleaguePushes(int round) {
    try {
      OtherClone.push(bare, dir, BRANCH, "NOTES.md",
          round == 1 ? "the colleague's note\n" : "note " + round + "\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<FileChange> promotion(String version) {
    return List.of(file("Dockerfile", "FROM scratch\n# candidate " + version + "\n"),
        file("slimgate/reports/phase-a.md", "# report " + version + "\n"));
  }

  private static FileChange file(String path, String content) {
    return new FileChange(path, content.getBytes(StandardCharsets.UTF_8), false);
  }
}
