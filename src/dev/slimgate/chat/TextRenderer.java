package dev.slimgate.chat;

import dev.slimgate.chat.ChatMessage.Fact;
import dev.slimgate.chat.ChatMessage.Link;
import dev.slimgate.chat.ChatMessage.Section;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders messages as plain Markdown-compatible text for the console, chat.md, the fallback
 * text of a Slack post and the text of a webhook post (which is all Mattermost shows). It shows
 * every fact the Block Kit rendering shows, without Slack's length limits.
 */
final class TextRenderer {

  private static final Pattern NUMBERED = Pattern.compile("\\d+\\. .*");

  String render(ChatMessage message) {
    StringBuilder out = new StringBuilder();
    if (message.mentionGroup() != null) {
      out.append('@').append(message.mentionGroup()).append(' ');
    }
    out.append(message.headline()).append('\n');
    if (!message.facts().isEmpty()) {
      out.append('\n');
      for (Fact fact : message.facts()) {
        out.append("- ").append(fact.label()).append(": ").append(fact.value()).append('\n');
      }
    }
    for (Section section : message.sections()) {
      out.append('\n').append(section.title()).append(":\n\n");
      for (String line : section.lines()) {
        out.append(NUMBERED.matcher(line).matches() ? "" : "- ").append(line).append('\n');
      }
    }
    if (!message.links().isEmpty()) {
      out.append("\nLinks:\n\n");
      for (Link link : message.links()) {
        out.append("- ").append(link.label()).append(": ").append(link.url()).append('\n');
      }
    }
    return out.toString();
  }

  /** Several messages as one text, separated by a rule. */
  String render(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    for (ChatMessage message : messages) {
      if (!out.isEmpty()) {
        out.append("\n---\n\n");
      }
      out.append(render(message));
    }
    return out.toString();
  }
}
