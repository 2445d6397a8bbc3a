package dev.slimgate.forge.git;

/**
 * What publishing the phase branch did.
 *
 * @param branch the phase branch, e.g. {@code slimgate/phase-a}
 * @param outcome whether a commit was pushed
 * @param commitId the branch tip after publishing; for {@link Outcome#ALREADY_ON_TARGET} the
 *     target tip
 * @param baseId the commit the new commit was built on (target or previous branch tip)
 * @param attempts how many push attempts were needed (0 when nothing was pushed)
 */
public record BranchResult(
    String branch, Outcome outcome, String commitId, String baseId, int attempts) {

  /** What happened to the branch. */
  public enum Outcome {
    /** The branch did not exist and was pushed. */
    CREATED,
    /** A new commit was pushed on top of the existing branch. */
    UPDATED,
    /** The branch already had exactly this content: no commit, no push. */
    UNCHANGED,
    /** The target branch already has this content: no branch is needed. */
    ALREADY_ON_TARGET
  }

  /** Whether the branch exists on the remote with the promotion on it. */
  public boolean branchExists() {
    return outcome != Outcome.ALREADY_ON_TARGET;
  }
}
