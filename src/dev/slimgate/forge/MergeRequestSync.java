package dev.slimgate.forge;

import dev.slimgate.core.Events;
import dev.slimgate.forge.http.AlreadyExistsException;
import dev.slimgate.forge.http.ForgeApiException;
import dev.slimgate.forge.http.MergeRequest;
import dev.slimgate.forge.http.MergeRequestApi;
import dev.slimgate.forge.http.MergeRequestDraft;
import dev.slimgate.forge.http.Note;
import java.util.HashSet;
import java.util.Optional;

/**
 * Brings the one merge request of a phase branch to the wanted content: opens it when none is
 * open, updates it in place otherwise, and keeps exactly one results note edited in place. An
 * update whose hash matches the one stored in the description is skipped.
 */
public final class MergeRequestSync {

  private final MergeRequestApi api;
  private final Events events;

  public MergeRequestSync(MergeRequestApi api, Events events) {
    this.api = api;
    this.events = events;
  }

  /** Opens or updates the merge request from {@code branch} into {@code target}. */
  public MergeRequestResult sync(String branch, String target, MergeRequestContent content) {
    MergeRequestDraft draft = new MergeRequestDraft(branch, target, content.title(),
        content.description(), content.labels());
    String name = api.forgeName();
    Optional<MergeRequest> open = api.findOpen(branch, target);
    MergeRequest request;
    MergeRequestResult.Action action;
    if (open.isEmpty()) {
      try {
        events.info("opening a " + name + " merge request from " + branch + " into " + target);
        request = api.create(draft);
        action = MergeRequestResult.Action.CREATED;
      } catch (AlreadyExistsException e) {
        // Opened by a concurrent run, or not listed yet: the forge knows it, so update it.
        events.info(e.getMessage() + "; updating that one instead");
        request = api.findOpen(branch, target).orElseThrow(() -> new ForgeApiException(
            e.status(), name + " says a merge request for " + branch + " exists but lists"
                + " none open into " + target + ": it may target another branch; close it or"
                + " set the target branch to its target (--target-branch)"));
        action = update(request, draft, content);
      }
    } else {
      request = open.get();
      action = update(request, draft, content);
    }
    MergeRequestResult.Action note = upsertNote(request, content.note());
    return new MergeRequestResult(action, request.number(), request.webUrl(), note);
  }

  private MergeRequestResult.Action update(MergeRequest request, MergeRequestDraft draft,
      MergeRequestContent content) {
    boolean sameHash = MergeRequestWriter.hashIn(request.description())
        .filter(content.hash()::equals).isPresent();
    boolean sameLabels = new HashSet<>(request.labels()).equals(new HashSet<>(draft.labels()));
    if (sameHash && sameLabels && request.title().equals(draft.title())) {
      events.info("skipping the update of merge request " + request.number() + ": its content"
          + " has not changed since the last run");
      return MergeRequestResult.Action.UNCHANGED;
    }
    events.info("updating merge request " + request.number() + " (" + request.webUrl() + ")");
    api.update(request, draft);
    return MergeRequestResult.Action.UPDATED;
  }

  private MergeRequestResult.Action upsertNote(MergeRequest request, String body) {
    Optional<Note> existing = api.notes(request).stream()
        .filter(note -> note.body().contains(MergeRequestWriter.NOTE_MARKER))
        .findFirst();
    if (existing.isEmpty()) {
      api.createNote(request, body);
      return MergeRequestResult.Action.CREATED;
    }
    if (existing.get().body().strip().equals(body.strip())) {
      return MergeRequestResult.Action.UNCHANGED;
    }
    api.editNote(request, existing.get(), body);
    return MergeRequestResult.Action.UPDATED;
  }
}
