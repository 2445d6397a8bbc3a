package dev.slimgate.forge;

import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The remote a local image repository pushes to, for runs that name no --git-remote. */
public final class RepositoryRemote {

  private RepositoryRemote() {}

  /** The URL of remote {@code origin} of the git repository at or above {@code repo}. */
  public static String origin(Path repo) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      throw new UsageException(repo + " is not inside a git repository, so it has no origin to"
          + " push to: give --git-remote URL or forge.remote in the plan");
    }
    try (Repository repository = builder.build()) {
      String url = repository.getConfig().getString("remote", "origin", "url");
      if (url == null || url.isBlank()) {
        throw new UsageException("the git repository " + repository.getDirectory() + " has no"
            + " remote 'origin': give --git-remote URL or forge.remote in the plan");
      }
      return url;
    } catch (IOException e) {
      throw new UsageException("could not read the git configuration of " + repo + " ("
          + e.getMessage() + "): give --git-remote URL or forge.remote in the plan");
    }
  }
}
