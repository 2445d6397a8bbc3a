package dev.slimgate.chat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What chat says about one phase of one pipeline run. The lead maps the run result to it; the
 * JSON form read by {@code slimgate notify} is described in docs/chat.md.
 *
 * @param phaseId phase id such as {@code A}; names the state file, so letters, digits, - and _
 * @param phaseName human name such as "Quick wins"; may be empty
 * @param commit the commit under test; a rerun for the same commit reuses the thread
 * @param stage the stage that just finished, e.g. "size"; may be empty
 * @param budgetBytes the phase budget; 0 when the phase has none
 * @param savings every saving measured; chat shows the three largest
 * @param details free lines posted as a reply in the thread (stage output, notes)
 */
public record ChatSummary(
    String phaseId,
    String phaseName,
    String commit,
    String stage,
    Verdict verdict,
    long baselineBytes,
    long candidateBytes,
    long budgetBytes,
    List<Saving> savings,
    List<FailingCheck> failingChecks,
    List<String> details,
    Links links) {

  /** Phase ids end up in a file name, so they must not be able to climb out of the folder. */
  public static final Pattern PHASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  public ChatSummary {
    Objects.requireNonNull(phaseId, "phaseId");
    if (!PHASE_ID.matcher(phaseId).matches()) {
      throw new IllegalArgumentException(
          "phase id '" + phaseId + "' must be 1-32 letters, digits, '-' or '_'");
    }
    phaseName = phaseName == null ? "" : phaseName;
    Objects.requireNonNull(commit, "commit");
    stage = stage == null ? "" : stage;
    Objects.requireNonNull(verdict, "verdict");
    if (baselineBytes < 0 || candidateBytes < 0 || budgetBytes < 0) {
      throw new IllegalArgumentException("sizes must not be negative");
    }
    savings = savings == null ? List.of() : List.copyOf(savings);
    failingChecks = failingChecks == null ? List.of() : List.copyOf(failingChecks);
    details = details == null ? List.of() : List.copyOf(details);
    links = links == null ? new Links(null, null, null) : links;
  }

  /** One measured saving, e.g. "remove the duplicate ANTs install", 2.93 GB. */
  public record Saving(String label, long bytes) {
    public Saving {
      Objects.requireNonNull(label, "label");
    }
  }

  /** One check that failed, with the message that says expected against actual. */
  public record FailingCheck(String name, String message) {
    public FailingCheck {
      Objects.requireNonNull(name, "name");
      message = message == null ? "" : message;
    }
  }

  /** Links to the build, the report and the merge request; each may be null. */
  public record Links(String build, String report, String mergeRequest) {}
}
