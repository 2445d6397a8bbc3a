package dev.slimgate.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A strict, position-aware view of one YAML mapping. Every accessor reports what is wrong to the
 * shared {@link Problems} and returns an empty value instead of throwing, so a single pass finds
 * all mistakes of a file. Unknown and duplicate keys are reported when the view is made.
 */
public final class Section {

  private final Node node;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private Section(Node node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** A view of {@code node}, which must be a mapping whose keys are among {@code allowed}. */
  public static Section of(Node node, String path, Problems problems, Set<String> allowed) {
    Section section = new Section(node, path, problems);
    if (!(node instanceof MappingNode mapping)) {
      problems.at(node, path, "expected a mapping of keys to values, found " + kind(node),
          "write " + String.join(", ", allowed.stream().sorted().toList()) + " as 'key: value'");
      return section;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalarText(tuple.getKeyNode());
      if (key == null) {
        problems.at(tuple.getKeyNode(), path, "a key must be plain text", "quote the key");
        continue;
      }
      if (section.entries.containsKey(key)) {
        problems.at(tuple.getKeyNode(), join(path, key), "this key appears twice",
            "remove one of the two '" + key + "' entries");
        continue;
      }
      if (!allowed.contains(key)) {
        problems.at(tuple.getKeyNode(), join(path, key), "unknown key",
            Suggest.closest(key, allowed).map(s -> "did you mean '" + s + "'?")
                .orElse("allowed here: " + String.join(", ", allowed.stream().sorted().toList())));
        continue;
      }
      section.entries.put(key, tuple);
    }
    return section;
  }

  /** A view of any mapping (names chosen by the user, such as components); no key check. */
  public static Section open(Node node, String path, Problems problems) {
    Section section = new Section(node, path, problems);
    if (!(node instanceof MappingNode mapping)) {
      problems.at(node, path, "expected a mapping of names to entries, found " + kind(node),
          "write one 'name:' per entry");
      return section;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalarText(tuple.getKeyNode());
      if (key == null || section.entries.containsKey(key)) {
        problems.at(tuple.getKeyNode(), path, key == null ? "a name must be plain text"
            : "the name '" + key + "' appears twice", "use each name once");
        continue;
      }
      section.entries.put(key, tuple);
    }
    return section;
  }

  public Node node() {
    return node;
  }

  public String path() {
    return path;
  }

  public Problems problems() {
    return problems;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value node of {@code key}, if present. */
  public Optional<Node> value(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  /** Reports a problem at {@code key}'s value, or at this mapping when the key is absent. */
  public void problem(String key, String message, String fix) {
    problems.at(value(key).orElse(node), join(path, key), message, fix);
  }

  /** Reports that a required key is missing. */
  public void missing(String key, String fix) {
    problems.at(node, join(path, key), "required key is missing", fix);
  }

  public Optional<String> string(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = scalarText(value.get());
    if (text == null || text.isBlank()) {
      problem(key, "expected text, found " + kind(value.get()), "write a non-empty value");
      return Optional.empty();
    }
    return Optional.of(text);
  }

  public Optional<String> requiredString(String key, String fix) {
    if (!has(key)) {
      if (node instanceof MappingNode) {
        missing(key, fix);
      }
      return Optional.empty();
    }
    return string(key);
  }

  /** A value converted by {@code parse}, whose IllegalArgumentException message is the problem. */
  public <T> Optional<T> parsed(String key, Function<String, T> parse, String fix) {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text.get()));
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage(), fix);
      return Optional.empty();
    }
  }

  public Optional<Long> size(String key) {
    return parsed(key, Units::parseSize, "for example 28GB, 28GiB or 30064771072");
  }

  public Optional<Long> durationMillis(String key) {
    return parsed(key, Units::parseDurationMillis, "for example 90s, 5m or 12h");
  }

  public Optional<Double> number(String key) {
    return parsed(key, Double::valueOf, "write a number such as 1e-6 or 0.5");
  }

  public Optional<Integer> integer(String key) {
    return parsed(key, Integer::valueOf, "write a whole number");
  }

  /** A list of plain texts; a single text is accepted as a list of one. */
  public List<String> strings(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get() instanceof ScalarNode) {
      return string(key).map(List::of).orElse(List.of());
    }
    if (!(value.get() instanceof SequenceNode seq)) {
      problem(key, "expected a list, found " + kind(value.get()), "write [a, b] or '- a' lines");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    for (Node item : seq.getValue()) {
      String text = scalarText(item);
      if (text == null || text.isBlank()) {
        problems.at(item, join(path, key) + "[" + i + "]", "expected text, found " + kind(item),
            "write a plain value");
      } else {
        out.add(text);
      }
      i++;
    }
    return out;
  }

  /** The nodes of a list under {@code key}; reports a non-list. */
  public List<Node> items(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode seq)) {
      problem(key, "expected a list, found " + kind(value.get()), "write '- ' before each entry");
      return List.of();
    }
    return seq.getValue();
  }

  /** A nested mapping with its own allowed keys. */
  public Optional<Section> section(String key, Set<String> allowed) {
    return value(key).map(v -> Section.of(v, join(path, key), problems, allowed));
  }

  /** The sub-path text used in problems, e.g. {@code phases[0].budget}. */
  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String scalarText(Node node) {
    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }

  static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue().isEmpty() ? "nothing" : "'" + scalar.getValue() + "'";
    }
    return "nothing";
  }
}
