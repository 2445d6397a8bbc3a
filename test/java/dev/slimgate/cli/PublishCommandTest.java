package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.forge.ForgeClients;
import dev.slimgate.forge.fakes.BareRepo;
import dev.slimgate.forge.fakes.FakeGitLab;
import dev.slimgate.forge.fakes.GitHttpServer;
import dev.slimgate.forge.http.ForgeHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PublishCommandTest {

  private static final String TOKEN = "glpat-CommandLineSecret-42";

  @TempDir Path dir;

  private Path bare;
  private Path runDir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void runFolderAndRemote() throws Exception {
    Path seed = dir.resolve("seed");
    try (Git git = Git.init().setDirectory(seed.toFile()).setInitialBranch("main").call()) {
      Files.writeString(seed.resolve("Dockerfile"), "FROM scratch\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("seed").setSign(false).setAuthor("t", "t@localhost")
          .setCommitter("t", "t@localhost").call();
    }
    bare = dir.resolve("remote.git");
    Git.cloneRepository().setURI(seed.toUri().toString()).setBare(true)
        .setDirectory(bare.toFile()).call().close();
    runDir = Files.createDirectories(dir.resolve("run"));
    Files.writeString(runDir.resolve("candidate.Dockerfile"), "FROM scratch\n# slim\n");
    Files.writeString(runDir.resolve("promotion.json"),
        "[{\"path\": \"Dockerfile\", \"source\": \"candidate.Dockerfile\"}]");
    Files.writeString(runDir.resolve("report.md"), "# Phase A: passed\n\nAll gates passed.\n");
  }

  @Test
  void withoutAForgeTheBranchIsPushedToALocalBareRepository() throws Exception {
    int code = run(Map.of(), "--git-remote", bare.toString());

    assertEquals(0, code, err.toString());
    assertEquals("FROM scratch\n# slim\n", BareRepo.read(bare, "slimgate/phase-a", "Dockerfile"));
    assertTrue(out.toString().startsWith("branch slimgate/phase-a: created at "), out.toString());
  }

  @Test
  void withoutAForgeMrMdHoldsTitleAndDescription() throws Exception {
    run(Map.of(), "--git-remote", bare.toUri().toString());

    String mr = Files.readString(runDir.resolve("mr.md"));
    assertTrue(mr.startsWith("# slimgate: promote the phase A candidate\n\nPromotes the"
        + " candidate of phase A to production. Merging `slimgate/phase-a` writes:"), mr);
    assertTrue(mr.contains("All gates passed."), mr);
  }

  @Test
  void theOriginOfTheRepositoryIsTheDefaultRemote() throws Exception {
    Path clone = dir.resolve("clone");
    Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call()
        .close();

    int code = run(Map.of(), "--repo", clone.toString());

    assertEquals(0, code, err.toString());
    assertEquals("FROM scratch\n# slim\n", BareRepo.read(bare, "slimgate/phase-a", "Dockerfile"));
  }

  @Test
  void aRunFolderWithoutPromotionIsAUsageError() throws Exception {
    Files.delete(runDir.resolve("promotion.json"));

    int code = run(Map.of(), "--git-remote", bare.toString());

    assertEquals(2, code);
    assertEquals("slimgate publish: the run folder " + runDir + " has no promotion.json:"
        + " publish a folder written by 'slimgate run', or write one as docs/forge.md"
        + " describes\n", err.toString());
  }

  @Test
  void aForgeWithoutTokenNamesTheEnvironmentVariable() {
    int code = run(Map.of(), "--git-remote", bare.toString(), "--forge", "gitlab",
        "--forge-url", "http://127.0.0.1:9", "--forge-project", "group/medimproc");

    assertEquals(2, code);
    assertEquals("slimgate publish: GitLab needs a token: set SLIMGATE_FORGE_TOKEN (the token is"
        + " read from the environment only)\n", err.toString());
  }

  @Test
  void incompleteForgeSettingsAreListedTogether() {
    int code = run(Map.of(), "--git-remote", bare.toString(), "--forge", "github");

    assertEquals(2, code);
    assertEquals("slimgate publish: forge settings are incomplete:\n"
        + "  - GitHub needs its URL: give --forge-url or forge.url\n"
        + "  - GitHub needs the project: give --forge-project or forge.project (owner/repo)\n",
        err.toString());
  }

  @Test
  void anUnknownForgeIsAUsageError() {
    int code = run(Map.of(), "--git-remote", bare.toString(), "--forge", "gitea");

    assertEquals(2, code);
    assertEquals("slimgate publish: forge type 'gitea' is not known: use gitlab, github or none"
        + " (--forge or forge.type in the plan)\n", err.toString());
  }

  @Test
  void aGitLabRunOverHttpsOpensTheMergeRequestAndShowsNoToken() throws Exception {
    try (GitHttpServer git = GitHttpServer.start(TOKEN);
        FakeGitLab gitlab = new FakeGitLab(TOKEN, "group/medimproc")) {
      Path served = git.createRepository(dir, "medimproc", Map.of("Dockerfile", "FROM x\n"));

      int code = run(Map.of("SLIMGATE_FORGE_TOKEN", TOKEN), "--git-remote",
          git.url("medimproc"), "--forge", "gitlab", "--forge-url", gitlab.url(),
          "--forge-project", "group/medimproc");

      assertEquals(0, code, err.toString());
      assertEquals(1, gitlab.mergeRequests().size());
      assertEquals("FROM scratch\n# slim\n",
          BareRepo.read(served, "slimgate/phase-a", "Dockerfile"));
      assertFalse((out + "\n" + err).contains(TOKEN));
      assertTrue(err.toString().contains("INFO: opening a GitLab merge request from"
          + " slimgate/phase-a into main"), err.toString());
    }
  }

  @Test
  void aForgeFailureExitsWithThree() throws Exception {
    try (FakeGitLab gitlab = new FakeGitLab("other", "group/medimproc")) {
      int code = run(Map.of("SLIMGATE_FORGE_TOKEN", TOKEN), "--git-remote", bare.toString(),
          "--forge", "gitlab", "--forge-url", gitlab.url(), "--forge-project", "group/medimproc");

      assertEquals(3, code);
      assertTrue(err.toString().contains("refused the token (HTTP 401)"), err.toString());
      assertFalse(err.toString().contains(TOKEN));
    }
  }

  private int run(Map<String, String> environment, String... options) {
    List<String> args = new ArrayList<>(List.of("--run-dir", runDir.toString(), "--phase", "A"));
    args.addAll(List.of(options));
    ForgeClients clients = new ForgeClients(duration -> {}, Clock.systemUTC(),
        ForgeHttp.defaultClient());
    CommandLine command = new CommandLine(new PublishCommand(null, environment, clients));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args.toArray(String[]::new));
  }
}
