package dev.slimgate.forge;

/**
 * What happened to the phase's merge request.
 *
 * @param action what was done to the request itself
 * @param number GitLab iid or GitHub number, 0 when there is none
 * @param webUrl where people open it, empty when there is none
 * @param note what was done to the results note
 */
public record MergeRequestResult(Action action, long number, String webUrl, Action note) {

  /** What a run did to a merge request or its note. */
  public enum Action {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** Not attempted: no forge, or no branch to merge. */
    SKIPPED
  }

  /** Nothing done, with no request to show. */
  public static MergeRequestResult skipped() {
    return new MergeRequestResult(Action.SKIPPED, 0, "", Action.SKIPPED);
  }
}
