package dev.slimgate.forge.http;

import java.util.List;
import java.util.Optional;

/** The few merge-request calls slimgate needs, for one project of one forge. */
public interface MergeRequestApi {

  /** "GitLab" or "GitHub", for messages. */
  String forgeName();

  /** The longest description the forge accepts, in characters. */
  int descriptionLimit();

  /** The longest note or comment the forge accepts, in characters. */
  int noteLimit();

  /** The open merge request from {@code sourceBranch} into {@code targetBranch}, if any. */
  Optional<MergeRequest> findOpen(String sourceBranch, String targetBranch);

  /**
   * Opens a merge request with the draft's title, description and labels.
   *
   * @throws AlreadyExistsException when the forge says one is already open for the branch
   */
  MergeRequest create(MergeRequestDraft draft);

  /** Sets title, description and labels of {@code request}; the labels are set before the rest. */
  MergeRequest update(MergeRequest request, MergeRequestDraft draft);

  /** Every note of {@code request}, oldest first. */
  List<Note> notes(MergeRequest request);

  /** Adds a note. */
  Note createNote(MergeRequest request, String body);

  /** Replaces the body of a note in place. */
  Note editNote(MergeRequest request, Note note, String body);

  /** The web address of {@code path} on {@code branch}, for links to the full report. */
  String fileUrl(String branch, String path);
}
