package dev.slimgate.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.slimgate.chat.ChatMessage.Fact;
import dev.slimgate.chat.ChatMessage.Link;
import dev.slimgate.chat.ChatMessage.Section;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Block Kit output stays within Slack's limits and marks what it cuts. */
class BlockKitRendererTest {

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  /** Serialised the way slack-api-client sends blocks. */
  private static JsonNode json(List<LayoutBlock> blocks) throws IOException {
    return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(blocks));
  }

  private static ChatMessage withSection(Section section) {
    return new ChatMessage(null, "Phase A: FAIL", List.of(), List.of(section), List.of());
  }

  private static List<String> sectionTexts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    blocks.forEach(block -> {
      if (block.get("type").asText().equals("section") && block.has("text")) {
        texts.add(block.get("text").get("text").asText());
      }
    });
    return texts;
  }

  @Test
  void aSectionLineLongerThanTheLimitIsCutToTheLimit() throws IOException {
    ChatMessage message = withSection(new Section("Details", List.of("x".repeat(5000))));

    List<String> texts = sectionTexts(json(renderer.render(message)));

    assertEquals(BlockKitRenderer.MAX_SECTION_TEXT, texts.get(0).length());
  }

  @Test
  void aCutSectionShowsAVisibleMarker() throws IOException {
    ChatMessage message = withSection(new Section("Details", List.of("x".repeat(5000))));

    List<String> texts = sectionTexts(json(renderer.render(message)));

    assertTrue(texts.get(0).endsWith("more characters, see the report]"), texts.get(0));
  }

  @Test
  void aLongListIsSpreadOverSectionsWithoutCuttingALine() throws IOException {
    List<String> lines = IntStream.range(0, 200)
        .mapToObj(i -> "check-" + i + ": " + "y".repeat(90)).toList();

    List<String> texts = sectionTexts(json(renderer.render(
        withSection(new Section("Failing checks", lines)))));

    String joined = String.join("\n", texts);
    assertEquals(List.of(), lines.stream().filter(line -> !joined.contains("• " + line + "\n")
        && !joined.endsWith("• " + line)).toList());
  }

  @Test
  void everySpreadSectionStaysWithinTheLimit() throws IOException {
    List<String> lines = IntStream.range(0, 200)
        .mapToObj(i -> "check-" + i + ": " + "y".repeat(90)).toList();

    List<String> texts = sectionTexts(json(renderer.render(
        withSection(new Section("Failing checks", lines)))));

    assertTrue(texts.size() > 1
        && texts.stream().allMatch(t -> t.length() <= BlockKitRenderer.MAX_SECTION_TEXT));
  }

  @ParameterizedTest
  @ValueSource(ints = {51, 80, 2000})
  void aMessageNeverHasMoreThanFiftyBlocks(int sections) throws IOException {
    List<Section> many = IntStream.range(0, sections)
        .mapToObj(i -> new Section("Stage " + i, List.of("ok"))).toList();

    JsonNode blocks = json(renderer.render(
        new ChatMessage(null, "Phase A: FAIL", List.of(), many, List.of())));

    assertEquals(BlockKitRenderer.MAX_BLOCKS, blocks.size());
  }

  @Test
  void theLastBlockOfACappedMessageSaysHowManyWereLeftOut() throws IOException {
    List<Section> many = IntStream.range(0, 80)
        .mapToObj(i -> new Section("Stage " + i, List.of("ok"))).toList();

    JsonNode blocks = json(renderer.render(
        new ChatMessage(null, "Phase A: FAIL", List.of(), many, List.of())));

    // 1 header + 80 sections = 81 blocks; 49 kept, the 50th says 32 were left out
    assertTrue(blocks.get(49).toString().contains("32 more blocks left out"),
        blocks.get(49).toString());
  }

  @Test
  void fiftyBlocksExactlyAreKeptWhole() throws IOException {
    List<Section> many = IntStream.range(0, 49)
        .mapToObj(i -> new Section("Stage " + i, List.of("ok"))).toList();

    JsonNode blocks = json(renderer.render(
        new ChatMessage(null, "Phase A: FAIL", List.of(), many, List.of())));

    assertTrue(blocks.get(49).toString().contains("Stage 48"), blocks.get(49).toString());
  }

  @Test
  void aLongHeadlineIsCutToTheHeaderLimit() throws IOException {
    JsonNode blocks = json(renderer.render(new ChatMessage(null, "h".repeat(400), List.of(),
        List.of(), List.of())));

    assertEquals(BlockKitRenderer.MAX_HEADER, blocks.get(0).get("text").get("text").asText()
        .length());
  }

  @Test
  void moreThanTenFactsGoIntoSeveralSections() throws IOException {
    List<Fact> facts = IntStream.range(0, 13).mapToObj(i -> new Fact("f" + i, "v")).toList();

    JsonNode blocks = json(renderer.render(
        new ChatMessage(null, "Phase A", facts, List.of(), List.of())));

    assertEquals("10 3", blocks.get(1).get("fields").size() + " "
        + blocks.get(2).get("fields").size());
  }

  @Test
  void slackMarkupCharactersInContentAreEscaped() throws IOException {
    ChatMessage message = withSection(new Section("Checks",
        List.of("expected <tool> & saw <!channel>")));

    String text = sectionTexts(json(renderer.render(message))).get(0);

    // an unescaped <!channel> would notify the whole channel
    assertTrue(text.contains("expected &lt;tool&gt; &amp; saw &lt;!channel&gt;"), text);
  }

  @Test
  void aMentionComesFirstInASectionBecauseHeadersCannotMention() throws IOException {
    JsonNode blocks = json(renderer.render(new ChatMessage("S0123ABCD", "Phase A passed",
        List.of(), List.of(), List.of())));

    assertEquals("section <!subteam^S0123ABCD> Phase A passed",
        blocks.get(0).get("type").asText() + " " + blocks.get(0).get("text").get("text")
            .asText());
  }

  @Test
  void linksAreSlackLinksWithTheirLabel() throws IOException {
    JsonNode blocks = json(renderer.render(new ChatMessage(null, "Phase A", List.of(),
        List.of(), List.of(new Link("Build", "https://ci.example.org/job/1/?a=1&b=2")))));

    assertTrue(blocks.toString().contains("<https://ci.example.org/job/1/?a=1&amp;b=2|Build>"),
        blocks.toString());
  }

  @Test
  void severalMessagesAreSeparatedByDividers() throws IOException {
    ChatMessage one = new ChatMessage(null, "one", List.of(), List.of(), List.of());
    JsonNode blocks = json(renderer.render(List.of(one, one)));

    assertEquals("header divider header", blocks.get(0).get("type").asText() + " "
        + blocks.get(1).get("type").asText() + " " + blocks.get(2).get("type").asText());
  }
}
