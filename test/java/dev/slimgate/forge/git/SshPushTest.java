package dev.slimgate.forge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.core.InfrastructureException;
import dev.slimgate.forge.FileChange;
import dev.slimgate.forge.fakes.BareRepo;
import dev.slimgate.forge.fakes.RecordingEvents;
import dev.slimgate.forge.fakes.SshGitServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshPushTest {

  private static final String BRANCH = "slimgate/phase-a";

  @TempDir Path dir;

  private SshGitServer server;
  private KeyPair clientKey;
  private Path bare;

  @BeforeEach
  void start() throws Exception {
    Path seed = dir.resolve("seed");
    try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
      java.nio.file.Files.writeString(seed.resolve("Dockerfile"), "FROM scratch\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("seed").setSign(false).setAuthor("t", "t@localhost")
          .setCommitter("t", "t@localhost").call();
    }
    Path root = java.nio.file.Files.createDirectories(dir.resolve("served"));
    bare = root.resolve("medimproc.git");
    Git.cloneRepository().setURI(seed.toUri().toString()).setBare(true)
        .setDirectory(bare.toFile()).call().close();
    clientKey = SshGitServer.newKeyPair();
    server = SshGitServer.start(root, clientKey);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void thePhaseBranchIsPushedOverSshWithAKey() throws Exception {
    Path key = SshGitServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
    Path knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));

    BranchResult result;
    try (GitAccess access = new GitAccess(Optional.empty(), "git", key, knownHosts)) {
      result = new BranchPublisher(access, new RecordingEvents())
          .publish(server.url("medimproc"), "main", BRANCH, files(), "promote");
    }

    assertEquals(BranchResult.Outcome.CREATED, result.outcome());
    assertEquals("FROM scratch\n# slim\n", BareRepo.read(bare, BRANCH, "Dockerfile"));
  }

  @Test
  void aKeyTheServerDoesNotKnowIsRefusedWithAClearMessage() throws Exception {
    Path key = SshGitServer.writePrivateKey(SshGitServer.newKeyPair(), dir.resolve("other"));
    Path knownHosts = server.writeKnownHosts(dir.resolve("known_hosts"));

    InfrastructureException error;
    try (GitAccess access = new GitAccess(Optional.empty(), "git", key, knownHosts)) {
      error = assertThrows(InfrastructureException.class,
          () -> new BranchPublisher(access, new RecordingEvents())
              .publish(server.url("medimproc"), "main", BRANCH, files(), "promote"));
    }

    assertTrue(error.getMessage().startsWith("could not list the branches of the git remote "
        + server.url("medimproc")), error.getMessage());
    assertTrue(error.getMessage().endsWith("or give a key the remote accepts (--ssh-key)"),
        error.getMessage());
  }

  @Test
  void anUntrustedHostKeyIsRefusedWithAClearMessage() throws Exception {
    Path key = SshGitServer.writePrivateKey(clientKey, dir.resolve("id_ecdsa"));
    Path knownHosts = java.nio.file.Files.writeString(dir.resolve("known_hosts"), "");

    InfrastructureException error;
    try (GitAccess access = new GitAccess(Optional.empty(), "git", key, knownHosts)) {
      error = assertThrows(InfrastructureException.class,
          () -> new BranchPublisher(access, new RecordingEvents())
              .publish(server.url("medimproc"), "main", BRANCH, files(), "promote"));
    }

    assertTrue(error.getMessage().endsWith("the remote's host key is not trusted: add it to the"
        + " known_hosts file (--ssh-known-hosts, default ~/.ssh/known_hosts)"),
        error.getMessage());
  }

  private static List<FileChange> files() {
    return List.of(new FileChange("Dockerfile",
        "FROM scratch\n# slim\n".getBytes(StandardCharsets.UTF_8), false));
  }
}
