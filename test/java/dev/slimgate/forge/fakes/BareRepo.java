package dev.slimgate.forge.fakes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads what ended up in a bare repository on disk. */
public final class BareRepo {

  private BareRepo() {}

  /** The text of {@code path} at the tip of {@code branch}, or null when absent. */
  public static String read(Path bare, String branch, String path) throws Exception {
    try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = walk.parseCommit(repo.exactRef(Constants.R_HEADS + branch).getObjectId());
      try (TreeWalk tree = TreeWalk.forPath(repo, path, tip.getTree())) {
        if (tree == null) {
          return null;
        }
        return new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /** The parents of a commit. */
  public static List<ObjectId> parents(Path bare, String commit) throws Exception {
    try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo)) {
      List<ObjectId> parents = new ArrayList<>();
      for (RevCommit parent : walk.parseCommit(ObjectId.fromString(commit)).getParents()) {
        parents.add(parent.copy());
      }
      return parents;
    }
  }

  /** The number of commits reachable from {@code branch}. */
  public static int commitCount(Path bare, String branch) throws Exception {
    try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo)) {
      walk.markStart(walk.parseCommit(repo.exactRef(Constants.R_HEADS + branch).getObjectId()));
      int count = 0;
      for (RevCommit ignored : walk) {
        count++;
      }
      return count;
    }
  }

  /** Every commit message, identity and file content reachable from any ref, as one text. */
  public static String everything(Path bare) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Repository repo = open(bare); RevWalk walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefs()) {
        text.append(ref.getName()).append('\n');
        walk.markStart(walk.parseCommit(ref.getObjectId()));
      }
      for (RevCommit commit : walk) {
        text.append(new String(commit.getRawBuffer(), StandardCharsets.UTF_8)).append('\n');
        try (TreeWalk tree = new TreeWalk(repo)) {
          tree.addTree(commit.getTree());
          tree.setRecursive(true);
          while (tree.next()) {
            text.append(tree.getPathString()).append('\n');
            text.append(new String(repo.open(tree.getObjectId(0)).getBytes(),
                StandardCharsets.UTF_8)).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  private static Repository open(Path bare) throws Exception {
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
  }
}
