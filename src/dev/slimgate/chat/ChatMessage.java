package dev.slimgate.chat;

import java.util.List;
import java.util.Objects;

/**
 * One chat message before rendering. Block Kit and plain text are both rendered from this model
 * so that the console shows exactly what Slack shows.
 *
 * @param mentionGroup user-group id to mention in front of the headline, or null
 * @param headline the first line, e.g. "Phase A (Quick wins): FAIL"
 * @param facts short label/value pairs such as "Verdict: FAIL"
 * @param sections titled lists of lines, e.g. the failing checks
 * @param links labelled addresses such as the build
 */
public record ChatMessage(
    String mentionGroup,
    String headline,
    List<Fact> facts,
    List<Section> sections,
    List<Link> links) {

  public ChatMessage {
    Objects.requireNonNull(headline, "headline");
    facts = List.copyOf(facts);
    sections = List.copyOf(sections);
    links = List.copyOf(links);
  }

  /** A label and its value, shown as "label: value". */
  public record Fact(String label, String value) {}

  /** A title and its lines; a list with no lines shows {@code empty} instead. */
  public record Section(String title, List<String> lines) {
    public Section {
      lines = List.copyOf(lines);
    }
  }

  /** A labelled address. */
  public record Link(String label, String url) {}
}
