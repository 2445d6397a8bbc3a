package dev.slimgate.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Which commit a run tests: the option, else Jenkins' GIT_COMMIT, else the repository's HEAD. */
final class Commits {

  static final String UNKNOWN = "unknown";

  private Commits() {}

  static String resolve(String option, String environment, Path repo) {
    if (option != null && !option.isBlank()) {
      return option.trim();
    }
    if (environment != null && !environment.isBlank()) {
      return environment.trim();
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
        .findGitDir(repo.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return UNKNOWN;
    }
    try (Repository git = builder.build()) {
      ObjectId head = git.resolve("HEAD");
      return head == null ? UNKNOWN : head.name();
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
