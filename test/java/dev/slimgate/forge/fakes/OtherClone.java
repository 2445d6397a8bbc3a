package dev.slimgate.forge.fakes;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/** A colleague's clone of a bare repository that pushes a commit of its own. */
public final class OtherClone {

  private OtherClone() {}

  /** Clones {@code bare}, commits {@code content} at {@code path} on {@code branch}, pushes. */
  public static ObjectId push(Path bare, Path workRoot, String branch, String path,
      String content) throws Exception {
    Path work = Files.createTempDirectory(workRoot, "other-clone-");
    try (Git git = Git.cloneRepository().setURI(bare.toUri().toString())
        .setDirectory(work.toFile()).setBranch(branch).call()) {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      git.add().addFilepattern(path).call();
      ObjectId id = git.commit().setMessage("a colleague's change to " + path).setSign(false)
          .setAuthor("colleague", "colleague@localhost")
          .setCommitter("colleague", "colleague@localhost").call();
      git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
      return id;
    }
  }

  /** The id of {@code branch} in the bare repository, or null when it does not exist. */
  public static ObjectId tip(Path bare, String branch) throws Exception {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
      var ref = repo.exactRef(Constants.R_HEADS + branch);
      return ref == null ? null : ref.getObjectId();
    }
  }
}
