package dev.slimgate.chat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import dev.slimgate.chat.ChatMessage.Fact;
import dev.slimgate.chat.ChatMessage.Link;
import dev.slimgate.chat.ChatMessage.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders messages as Slack Block Kit within Slack's limits: at most {@value #MAX_BLOCKS} blocks
 * per message, {@value #MAX_SECTION_TEXT} characters per section text, {@value #MAX_FIELDS}
 * fields of {@value #MAX_FIELD_TEXT} characters per section and {@value #MAX_HEADER} characters
 * per header. Slack rejects a whole message that breaks one limit, so long content is cut with a
 * visible marker rather than lost silently.
 */
final class BlockKitRenderer {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD_TEXT = 2000;
  static final int MAX_HEADER = 150;

  private static final Pattern NUMBERED = Pattern.compile("\\d+\\. .*");

  /** Renders one message. */
  List<LayoutBlock> render(ChatMessage message) {
    return render(List.of(message));
  }

  /** Renders several messages as one post, separated by dividers (webhooks cannot thread). */
  List<LayoutBlock> render(List<ChatMessage> messages) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (!blocks.isEmpty()) {
        blocks.add(DividerBlock.builder().build());
      }
      addMessage(blocks, message);
    }
    return capBlocks(blocks);
  }

  private static void addMessage(List<LayoutBlock> blocks, ChatMessage message) {
    if (message.mentionGroup() != null) {
      // a header is plain text, where a mention would not notify anyone
      blocks.add(section("<!subteam^" + message.mentionGroup() + "> "
          + escape(message.headline())));
    } else {
      blocks.add(HeaderBlock.builder()
          .text(PlainTextObject.builder()
              .text(Limits.truncate(message.headline(), MAX_HEADER)).emoji(false).build())
          .build());
    }
    addFacts(blocks, message.facts());
    for (Section section : message.sections()) {
      addSection(blocks, section);
    }
    if (!message.links().isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (Link link : message.links()) {
        lines.add("<" + escape(link.url()) + "|" + escape(link.label()) + ">");
      }
      addLines(blocks, "*Links*", lines);
    }
  }

  private static void addFacts(List<LayoutBlock> blocks, List<Fact> facts) {
    List<TextObject> fields = new ArrayList<>();
    for (Fact fact : facts) {
      String text = "*" + escape(fact.label()) + ":* " + escape(fact.value());
      fields.add(mrkdwn(Limits.truncate(text, MAX_FIELD_TEXT)));
      if (fields.size() == MAX_FIELDS) {
        blocks.add(SectionBlock.builder().fields(fields).build());
        fields = new ArrayList<>();
      }
    }
    if (!fields.isEmpty()) {
      blocks.add(SectionBlock.builder().fields(fields).build());
    }
  }

  private static void addSection(List<LayoutBlock> blocks, Section section) {
    List<String> lines = new ArrayList<>();
    for (String line : section.lines()) {
      lines.add((NUMBERED.matcher(line).matches() ? "" : "• ") + escape(line));
    }
    addLines(blocks, "*" + escape(section.title()) + "*", lines);
  }

  /** Packs lines into as few sections as fit, each text at most MAX_SECTION_TEXT characters. */
  private static void addLines(List<LayoutBlock> blocks, String title, List<String> lines) {
    StringBuilder text = new StringBuilder(title);
    // the title stays with the first line even when that line alone must be cut
    boolean onlyTitle = true;
    for (String line : lines) {
      if (text.length() + 1 + line.length() > MAX_SECTION_TEXT && !onlyTitle
          && !text.isEmpty()) {
        blocks.add(section(text.toString()));
        text.setLength(0);
      }
      onlyTitle = false;
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(line);
    }
    if (!text.isEmpty()) {
      blocks.add(section(text.toString()));
    }
  }

  private static SectionBlock section(String text) {
    return SectionBlock.builder().text(mrkdwn(Limits.truncate(text, MAX_SECTION_TEXT))).build();
  }

  private static MarkdownTextObject mrkdwn(String text) {
    return MarkdownTextObject.builder().text(text).build();
  }

  private static List<LayoutBlock> capBlocks(List<LayoutBlock> blocks) {
    if (blocks.size() <= MAX_BLOCKS) {
      return blocks;
    }
    List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
    int left = blocks.size() - kept.size();
    kept.add(ContextBlock.builder()
        .elements(List.of(mrkdwn("… [" + left + " more blocks left out: Slack shows at most "
            + MAX_BLOCKS + " per message; the full text is in the report]")))
        .build());
    return kept;
  }

  /** Slack's mrkdwn reserves these three characters for links and mentions. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
