package dev.slimgate.forge.git;

import dev.slimgate.core.Events;
import dev.slimgate.core.InfrastructureException;
import dev.slimgate.core.UsageException;
import dev.slimgate.forge.FileChange;
import dev.slimgate.forge.ForgeToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * Commits a promotion to the phase branch of a remote and pushes it.
 *
 * <p>The commit is built in a scratch bare repository, never in the user's checkout: a new branch
 * starts from the tip of the target branch, an existing one gets a commit on its own tip, so that
 * commits others added to the phase branch are kept. When the resulting tree equals the tip's,
 * nothing is committed, which makes reruns with the same content free. The push is never forced
 * and names the tip it expects; when someone else moved the branch meanwhile, the commit is
 * rebuilt on the new tip and pushed again, a bounded number of times.
 */
public final class BranchPublisher {

  /** Push attempts before giving up on a branch that keeps moving. */
  public static final int MAX_ATTEMPTS = 4;

  private static final String SCRATCH_PREFIX = "refs/slimgate-scratch/";

  /** Runs between building the commit and pushing it; a seam to test racing pushes. */
  interface PushHook {
    void beforePush(int attempt) throws IOException;
  }

  private final GitAccess access;
  private final Events events;
  private final PersonIdent author;
  private final PushHook hook;

  public BranchPublisher(GitAccess access, Events events) {
    this(access, events, new PersonIdent("slimgate", "slimgate@localhost"), attempt -> {});
  }

  BranchPublisher(GitAccess access, Events events, PersonIdent author, PushHook hook) {
    this.access = access;
    this.events = events;
    this.author = author;
    this.hook = hook;
  }

  /**
   * Publishes {@code files} on {@code branch} of {@code remote}.
   *
   * @param remote git URL or path of the remote
   * @param targetBranch the branch a new phase branch starts from; never pushed to
   * @param branch the phase branch
   * @param files the files to write, all other files keep their content
   * @param message the commit message
   */
  public BranchResult publish(String remote, String targetBranch, String branch,
      List<FileChange> files, String message) {
    if (Constants.R_HEADS.concat(branch).equals(Constants.R_HEADS.concat(targetBranch))
        || branch.equals(targetBranch)) {
      throw new UsageException("refusing to push the promotion to the target branch '"
          + targetBranch + "' itself: slimgate only pushes its phase branch and leaves the merge"
          + " to review; give another target branch (--target-branch or forge.target_branch)");
    }
    if (files.isEmpty()) {
      throw new UsageException("the promotion lists no files: nothing to commit on " + branch);
    }
    URIish uri = access.parse(remote);
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("slimgate-publish-");
      try (Git git = Git.init().setBare(true).setDirectory(scratch.toFile()).call()) {
        return publishIn(git.getRepository(), uri, remote, targetBranch, branch, files, message);
      }
    } catch (IOException | GitAPIException e) {
      throw new InfrastructureException(redact("could not prepare the commit for " + branch
          + " in a scratch repository (" + e.getMessage() + "); check the free space of the"
          + " temporary folder"), null);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private BranchResult publishIn(Repository repo, URIish uri, String remote, String targetBranch,
      String branch, List<FileChange> files, String message) throws IOException {
    String shown = access.display(remote);
    String branchRef = Constants.R_HEADS + branch;
    ObjectId rejectedExpectation = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Map<String, Ref> remoteRefs = listRemote(repo, uri, shown);
      Ref target = remoteRefs.get(Constants.R_HEADS + targetBranch);
      if (target == null) {
        throw new UsageException("the remote " + shown + " has no branch '" + targetBranch
            + "' to start " + branch + " from: push it first or name the right target branch"
            + " (--target-branch or forge.target_branch)");
      }
      Ref existing = remoteRefs.get(branchRef);
      ObjectId expected = existing == null ? ObjectId.zeroId() : existing.getObjectId();
      if (rejectedExpectation != null && rejectedExpectation.equals(expected)) {
        throw new InfrastructureException("the remote " + shown + " refused the push of " + branch
            + " although nobody moved the branch; see the remote's answer above and check the"
            + " branch protection rules for slimgate/*");
      }
      fetch(repo, uri, shown, existing == null ? List.of(target) : List.of(target, existing));
      ObjectId base = existing == null ? target.getObjectId() : existing.getObjectId();
      Built built = build(repo, base, files, message);
      if (built.commit == null) {
        BranchResult.Outcome outcome = existing == null
            ? BranchResult.Outcome.ALREADY_ON_TARGET : BranchResult.Outcome.UNCHANGED;
        events.info(existing == null
            ? "skipping the push of " + branch + ": " + targetBranch + " already has this content"
            : "skipping the push of " + branch + ": it already has this content at "
                + base.abbreviate(8).name());
        return new BranchResult(branch, outcome, base.name(), base.name(), 0);
      }
      hook.beforePush(attempt);
      events.info("pushing " + branch + " (" + built.commit.abbreviate(8).name() + " on "
          + base.abbreviate(8).name() + ") to " + shown + ", attempt " + attempt + " of "
          + MAX_ATTEMPTS);
      RemoteRefUpdate update = push(repo, uri, shown, built.commit, branchRef, expected);
      switch (update.getStatus()) {
        case OK:
          return new BranchResult(branch, existing == null ? BranchResult.Outcome.CREATED
              : BranchResult.Outcome.UPDATED, built.commit.name(), base.name(), attempt);
        case REJECTED_NONFASTFORWARD:
        case REJECTED_REMOTE_CHANGED:
        case REJECTED_OTHER_REASON:
          // Someone pushed between our look at the remote and our push, or the remote refused
          // for another reason. Look again: if the branch moved, rebuild on the new tip.
          events.warn("the remote " + shown + " rejected the push of " + branch + " ("
              + update.getStatus() + redact(update.getMessage() == null ? ""
                  : ": " + update.getMessage()) + "); fetching the new tip and retrying");
          rejectedExpectation = update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
              ? expected : null;
          break;
        default:
          throw new InfrastructureException("the remote " + shown + " answered "
              + update.getStatus() + " to the push of " + branch + redact(
                  update.getMessage() == null ? "" : " (" + update.getMessage() + ")")
              + "; push it by hand to see the remote's full answer");
      }
    }
    throw new InfrastructureException("gave up pushing " + branch + " to " + shown + " after "
        + MAX_ATTEMPTS + " attempts: the branch moved before every push; rerun when the pushes"
        + " to " + branch + " have stopped");
  }

  private Map<String, Ref> listRemote(Repository repo, URIish uri, String shown) {
    try (Transport transport = Transport.open(repo, uri)) {
      access.configure(transport);
      try (FetchConnection connection = transport.openFetch()) {
        return connection.getRefsMap();
      }
    } catch (TransportException e) {
      throw transportFailure("list the branches of", shown, e);
    } catch (IOException e) {
      throw transportFailure("open", shown, e);
    }
  }

  private void fetch(Repository repo, URIish uri, String shown, List<Ref> refs) {
    List<RefSpec> specs = refs.stream()
        .map(ref -> new RefSpec("+" + ref.getName() + ":" + SCRATCH_PREFIX + ref.getName()))
        .toList();
    try (Transport transport = Transport.open(repo, uri)) {
      access.configure(transport);
      transport.fetch(NullProgressMonitor.INSTANCE, specs);
    } catch (IOException e) {
      throw transportFailure("fetch from", shown, e);
    }
  }

  private RemoteRefUpdate push(Repository repo, URIish uri, String shown, ObjectId commit,
      String branchRef, ObjectId expected) throws IOException {
    String localRef = SCRATCH_PREFIX + "push";
    var refUpdate = repo.updateRef(localRef);
    refUpdate.setNewObjectId(commit);
    refUpdate.forceUpdate();
    // Not forced, and with the tip we built on as the expected old value: a push that raced ours
    // is rejected instead of overwritten.
    RemoteRefUpdate update = new RemoteRefUpdate(repo, localRef, branchRef, false, null,
        expected);
    try (Transport transport = Transport.open(repo, uri)) {
      access.configure(transport);
      transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      return update;
    } catch (IOException e) {
      throw transportFailure("push to", shown, e);
    }
  }

  private Built build(Repository repo, ObjectId baseId, List<FileChange> files, String message)
      throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter();
        ObjectReader reader = repo.newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(baseId);
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (FileChange file : files) {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, file.content());
        FileMode mode = file.executable() ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        editor.add(new DirCacheEditor.PathEdit(file.path()) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(mode);
            entry.setObjectId(blob);
          }
        });
      }
      editor.finish();
      ObjectId tree = index.writeTree(inserter);
      if (tree.equals(base.getTree())) {
        return new Built(null);
      }
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      commit.setParentId(base);
      PersonIdent now = new PersonIdent(author, java.time.Instant.now());
      commit.setAuthor(now);
      commit.setCommitter(now);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return new Built(id);
    }
  }

  private InfrastructureException transportFailure(String verb, String shown, IOException e) {
    String seen = redact(String.valueOf(e.getMessage())).strip()
        .replaceAll("\\s*\\n\\s*", "; ");
    String lower = seen.toLowerCase(Locale.ROOT);
    String advice;
    if (lower.contains("server key did not validate") || lower.contains("known_hosts")
        || lower.contains("host key")) {
      advice = "the remote's host key is not trusted: add it to the known_hosts file"
          + " (--ssh-known-hosts, default ~/.ssh/known_hosts)";
    } else if (lower.contains("not authorized") || lower.contains("authentication is required")
        || lower.contains("auth fail") || lower.contains("no more authentication methods")
        || lower.contains("cannot log in")) {
      advice = "the remote refused the credentials: set " + ForgeToken.ENVIRONMENT_VARIABLE
          + " to a token that may push (https) or give a key the remote accepts (--ssh-key)";
    } else if (lower.contains("not found") || lower.contains("does not appear to be a git")) {
      advice = "check the remote URL (--git-remote or forge.remote)";
    } else {
      advice = "check that the remote is reachable and the URL is right (--git-remote)";
    }
    // The cause is left out on purpose: JGit messages can quote URLs and headers verbatim.
    return new InfrastructureException("could not " + verb + " the git remote " + shown + " ("
        + seen + "): " + advice, null);
  }

  private String redact(String text) {
    return ForgeToken.redact(access.token(), text);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A scratch folder left in the temporary directory is harmless.
    }
  }

  private record Built(ObjectId commit) {}
}
