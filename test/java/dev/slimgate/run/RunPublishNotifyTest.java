package dev.slimgate.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code slimgate run --publish --notify} with the embedded defaults: a pushed branch, chat.md. */
@DockerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPublishNotifyTest {

  private Path repo;
  private Path remote;
  private Path out;
  private CliRun run;

  @BeforeAll
  void runWithPublishAndNotify(DockerFixture docker, @TempDir Path dir) throws Exception {
    repo = dir.resolve("image-repo");
    copy(Path.of("test/fixtures/medimproc-mini"), repo);
    remote = dir.resolve("remote.git");
    try (Git bare = Git.init().setBare(true).setDirectory(remote.toFile())
        .setInitialBranch("main").call();
        Git work = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      work.add().addFilepattern(".").call();
      work.commit().setMessage("medimproc 1.3.0").setAuthor("t", "t@localhost")
          .setCommitter("t", "t@localhost").call();
      work.remoteAdd().setName("origin")
          .setUri(new org.eclipse.jgit.transport.URIish(remote.toUri().toString())).call();
      work.push().setRemote("origin").add("main").call();
    }
    Files.writeString(repo.resolve("plan.yaml"), Files.readString(repo.resolve("plan.yaml"))
        + "\nforge:\n  remote: " + remote.toUri() + "\n  target_branch: main\n");
    out = dir.resolve("run");
    run = CliRun.of(docker.labels(), "run", "--plan", repo.resolve("plan.yaml").toString(),
        "--phase", "A", "--out", out.toString(), "--publish", "--notify", "--state-dir",
        dir.resolve("state").toString());
  }

  @Test
  void exitsZero() {
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void pushesThePromotionBranchWithTheCandidateAsTheProductionDockerfile() throws IOException {
    String promoted = fileOnBranch("refs/heads/slimgate/phase-a", "Dockerfile");
    assertEquals(Files.readString(repo.resolve("phases/A/Dockerfile")), promoted);
  }

  @Test
  void writesTheMergeRequestDescription() throws IOException {
    assertTrue(Files.readString(out.resolve("mr.md")).contains("Quick wins"));
  }

  @Test
  void printsTheChatMessageOnTheConsole() {
    assertTrue(run.out().contains("Phase A"), run.out());
  }

  @Test
  void savesTheChatMessageInTheRunFolder() throws IOException {
    assertTrue(Files.readString(out.resolve("chat.md")).contains("pass"));
  }

  @Test
  void tellsChatTheLargestComponentsNotThePackagesInsideThem() throws IOException {
    JsonNode savings = new ObjectMapper().readTree(out.resolve("chat-summary.json").toFile())
        .path("savings");
    assertEquals("freesurfer", savings.get(0).path("label").asText(), savings.toString());
  }

  @Test
  void writesAChatSummaryThatNotifyReads() throws IOException {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("chat-summary.json").toFile());
    assertEquals("pass", summary.path("verdict").asText());
  }

  private String fileOnBranch(String ref, String path) throws IOException {
    try (Repository r = Git.open(remote.toFile()).getRepository();
        RevWalk walk = new RevWalk(r)) {
      ObjectId head = r.resolve(ref);
      assertNotNull(head, "no " + ref + " in the remote");
      try (TreeWalk tree = TreeWalk.forPath(r, path, walk.parseCommit(head).getTree())) {
        return new String(r.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
