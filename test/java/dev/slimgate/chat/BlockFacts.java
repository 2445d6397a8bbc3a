package dev.slimgate.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the facts a person sees in Block Kit JSON: every text object, with Slack's markup
 * turned into the words it shows (links as "label: address", mentions as "@group", no bold
 * stars, no bullets), one fact per line. Written independently of the renderers so that it can
 * check them.
 */
final class BlockFacts {

  private BlockFacts() {}

  static List<String> of(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    collect(blocks, texts);
    List<String> facts = new ArrayList<>();
    for (String text : texts) {
      String plain = text
          .replaceAll("<!subteam\\^([A-Z0-9]+)>", "@$1")
          .replaceAll("<([^|>]+)\\|([^>]+)>", "$2: $1")
          .replaceAll("<([^|>]+)>", "$1")
          .replace("*", "")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
      for (String line : plain.split("\n")) {
        String fact = line.strip().replaceFirst("^• ", "").strip();
        if (!fact.isEmpty()) {
          facts.add(fact);
        }
      }
    }
    return facts;
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, texts));
    } else if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && (type.asText().equals("mrkdwn") || type.asText().equals("plain_text"))
          && node.has("text")) {
        texts.add(node.get("text").asText());
        return;
      }
      node.forEach(child -> collect(child, texts));
    }
  }
}
