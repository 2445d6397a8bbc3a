package dev.slimgate.chat;

import dev.slimgate.chat.ChatMessage.Fact;
import dev.slimgate.chat.ChatMessage.Link;
import dev.slimgate.chat.ChatMessage.Section;
import dev.slimgate.chat.ChatSummary.FailingCheck;
import dev.slimgate.chat.ChatSummary.Saving;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns a run summary into the messages of its thread: the top message, replies, a mention. */
final class MessageComposer {

  static final int TOP_SAVINGS = 3;

  /** The top message stays short; the full list goes into the thread reply. */
  static final int TOP_CHECKS = 10;

  /** Commit ids are shortened like git does, long enough to stay unique in practice. */
  private static final int SHORT_COMMIT = 12;

  /** The message at the top of the run's thread, updated in place as stages finish. */
  ChatMessage top(ChatSummary summary) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Verdict", verdict(summary)));
    if (!summary.stage().isEmpty()) {
      facts.add(new Fact("Stage", summary.stage()));
    }
    facts.add(new Fact("Commit", shortCommit(summary.commit())));
    facts.add(new Fact("Baseline", Sizes.format(summary.baselineBytes())));
    facts.add(new Fact("Candidate", Sizes.format(summary.candidateBytes())));
    if (summary.budgetBytes() > 0) {
      facts.add(new Fact("Budget", Sizes.format(summary.budgetBytes())));
      facts.add(new Fact("Against budget", againstBudget(summary)));
    }
    facts.add(new Fact("Saved against baseline", savedAgainstBaseline(summary)));

    List<Section> sections = new ArrayList<>();
    sections.add(new Section("Largest savings", largestSavings(summary)));
    sections.add(new Section("Failing checks", topChecks(summary)));
    return new ChatMessage(null, title(summary) + ": " + verdict(summary), facts, sections,
        links(summary.links(), true));
  }

  /**
   * The reply posted in the thread for one finished stage: every failing check and the details.
   *
   * @param previousBuild the build that opened the thread when this is a rerun of the same
   *     commit, otherwise null
   */
  ChatMessage reply(ChatSummary summary, String previousBuild) {
    String what = summary.stage().isEmpty() ? title(summary) : "Stage " + summary.stage();
    List<Section> sections = new ArrayList<>();
    if (previousBuild != null) {
      sections.add(new Section("Rerun", List.of("commit " + shortCommit(summary.commit())
          + " runs again; the thread was opened by " + previousBuild)));
    }
    if (!summary.failingChecks().isEmpty()) {
      sections.add(new Section("Failing checks", summary.failingChecks().stream()
          .map(MessageComposer::checkLine).toList()));
    }
    if (!summary.details().isEmpty()) {
      sections.add(new Section("Details", summary.details()));
    }
    List<Link> links = new ArrayList<>();
    if (summary.links().build() != null) {
      links.add(new Link("Build", summary.links().build()));
    }
    return new ChatMessage(null, what + ": " + verdict(summary), List.of(), sections, links);
  }

  /** The one message that calls the release managers when a phase has passed all its gates. */
  ChatMessage releaseManagers(ChatSummary summary, String group) {
    List<Fact> facts = List.of(
        new Fact("Candidate", Sizes.format(summary.candidateBytes())),
        new Fact("Saved against baseline", savedAgainstBaseline(summary)));
    return new ChatMessage(group, title(summary) + " passed all its gates and is ready to advance",
        facts, List.of(), links(summary.links(), false));
  }

  private static String title(ChatSummary summary) {
    String name = summary.phaseName().isEmpty() ? "" : " (" + summary.phaseName() + ")";
    return "Phase " + summary.phaseId() + name;
  }

  private static String verdict(ChatSummary summary) {
    return summary.verdict().name();
  }

  private static String shortCommit(String commit) {
    return commit.length() > SHORT_COMMIT ? commit.substring(0, SHORT_COMMIT) : commit;
  }

  private static String againstBudget(ChatSummary summary) {
    long delta = summary.candidateBytes() - summary.budgetBytes();
    if (delta == 0) {
      return "exactly at budget";
    }
    return Sizes.format(Math.abs(delta)) + (delta < 0 ? " under budget" : " over budget");
  }

  private static String savedAgainstBaseline(ChatSummary summary) {
    long saved = summary.baselineBytes() - summary.candidateBytes();
    if (saved < 0) {
      return "none: the candidate is " + Sizes.format(-saved) + " larger";
    }
    // a baseline of 0 bytes has no meaningful percentage
    if (summary.baselineBytes() == 0) {
      return Sizes.format(saved);
    }
    double percent = 100.0 * saved / summary.baselineBytes();
    return Sizes.format(saved) + String.format(Locale.ROOT, " (%.1f%%)", percent);
  }

  private static List<String> largestSavings(ChatSummary summary) {
    List<Saving> sorted = summary.savings().stream()
        .sorted(Comparator.comparingLong(Saving::bytes).reversed())
        .limit(TOP_SAVINGS)
        .toList();
    if (sorted.isEmpty()) {
      return List.of("none measured");
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Saving saving = sorted.get(i);
      lines.add((i + 1) + ". " + saving.label() + ": " + Sizes.format(saving.bytes()));
    }
    return lines;
  }

  private static List<String> topChecks(ChatSummary summary) {
    List<FailingCheck> checks = summary.failingChecks();
    if (checks.isEmpty()) {
      return List.of("none");
    }
    List<String> lines = new ArrayList<>(checks.stream().limit(TOP_CHECKS)
        .map(MessageComposer::checkLine).toList());
    if (checks.size() > TOP_CHECKS) {
      lines.add("and " + (checks.size() - TOP_CHECKS) + " more: see the thread and the report");
    }
    return lines;
  }

  private static String checkLine(FailingCheck check) {
    return check.message().isEmpty() ? check.name() : check.name() + ": " + check.message();
  }

  private static List<Link> links(ChatSummary.Links links, boolean withBuild) {
    List<Link> result = new ArrayList<>();
    if (withBuild && links.build() != null) {
      result.add(new Link("Build", links.build()));
    }
    if (links.report() != null) {
      result.add(new Link("Report", links.report()));
    }
    if (links.mergeRequest() != null) {
      result.add(new Link("Merge request", links.mergeRequest()));
    }
    return result;
  }
}
