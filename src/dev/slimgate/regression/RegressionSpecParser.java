package dev.slimgate.regression;

import dev.slimgate.regression.compare.OutputRule;
import dev.slimgate.regression.compare.Tolerance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the {@code regression:} section of a plan from its YAML nodes. Every problem goes to
 * the sink with the node it is about, so the plan reader can report all of them with file, line
 * and column; the parser never stops at the first one.
 */
public final class RegressionSpecParser {

  private static final Set<String> SECTION_KEYS = Set.of("reference", "inputs", "stages",
      "compare");
  private static final Set<String> STAGE_KEYS = Set.of("name", "command", "outputs", "after",
      "timeout", "memory", "cpus", "agent");
  private static final Set<String> RULE_KEYS = Set.of("pattern", "with", "abs", "rel",
      "review");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(|B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  /**
   * Where problems go: the node they are about (for its line and column), the key path such as
   * {@code regression.stages[1].timeout}, what is wrong and how to fix it. Matches
   * {@code dev.slimgate.plan.Problems#at}.
   */
  @FunctionalInterface
  public interface ProblemSink {
    void at(Node node, String key, String message, String fix);
  }

  /** Parses {@code node}; the result is only meaningful when the sink received nothing. */
  public RegressionSpec parse(Node node, ProblemSink problems) {
    Map<String, NodeTuple> top = mapping(node, "regression", SECTION_KEYS, problems);
    String reference = text(top.get("reference"), "regression.reference", problems);
    String inputs = text(top.get("inputs"), "regression.inputs", problems);
    List<Stage> stages = stages(top.get("stages"), problems);
    List<OutputRule> rules = rules(top.get("compare"), problems);
    return new RegressionSpec(reference, inputs, stages, rules);
  }

  private List<Stage> stages(NodeTuple tuple, ProblemSink problems) {
    List<Stage> stages = new ArrayList<>();
    if (tuple == null) {
      return stages;
    }
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (Node item : list(tuple, "regression.stages", problems)) {
      String path = "regression.stages[" + i++ + "]";
      Map<String, NodeTuple> s = mapping(item, path, STAGE_KEYS, problems);
      String name = text(s.get("name"), path + ".name", problems);
      if (name == null) {
        problems.at(item, path + ".name", "required key is missing",
            "name the stage, e.g. name: structural");
      } else if (!NAME.matcher(name).matches()) {
        problems.at(s.get("name").getValueNode(), path + ".name", "stage name '" + name
            + "' is not lower-case letters, digits, '.', '_' or '-'", "rename the stage");
      } else if (!seen.add(name)) {
        problems.at(s.get("name").getValueNode(), path + ".name", "stage '" + name
            + "' is defined twice", "give each stage its own name");
      }
      String command = text(s.get("command"), path + ".command", problems);
      if (command == null) {
        problems.at(item, path + ".command", "required key is missing",
            "give the command to run with sh -c inside the image");
      }
      List<String> outputs = strings(s.get("outputs"), path + ".outputs", problems);
      for (String output : outputs) {
        if (output.startsWith("/") || output.contains("..")) {
          problems.at(s.get("outputs").getValueNode(), path + ".outputs", "output '" + output
              + "' is not a path inside /work", "write it relative to /work without '..'");
        }
      }
      String after = text(s.get("after"), path + ".after", problems);
      if (after != null && !seen.contains(after) || after != null && after.equals(name)) {
        problems.at(s.get("after").getValueNode(), path + ".after", "stage '" + after
            + "' is not an earlier stage", "name a stage listed above this one, or null");
      }
      long timeout = duration(s.get("timeout"), path + ".timeout", problems);
      long memory = size(s.get("memory"), path + ".memory", problems);
      double cpus = number(s.get("cpus"), path + ".cpus", 0, problems);
      String agent = text(s.get("agent"), path + ".agent", problems);
      stages.add(new Stage(name, command, outputs, after,
          timeout > 0 ? timeout : Stage.DEFAULT_TIMEOUT_MILLIS, memory, cpus, agent));
    }
    return stages;
  }

  private List<OutputRule> rules(NodeTuple tuple, ProblemSink problems) {
    List<OutputRule> rules = new ArrayList<>();
    if (tuple == null) {
      return rules;
    }
    int i = 0;
    for (Node item : list(tuple, "regression.compare", problems)) {
      String path = "regression.compare[" + i++ + "]";
      Map<String, NodeTuple> r = mapping(item, path, RULE_KEYS, problems);
      String pattern = text(r.get("pattern"), path + ".pattern", problems);
      if (pattern == null) {
        problems.at(item, path + ".pattern", "required key is missing",
            "give a glob such as \"**/*.nii.gz\"");
        continue;
      }
      String with = text(r.get("with"), path + ".with", problems);
      if (with == null) {
        with = "auto";
      } else if (!OutputRule.KINDS.contains(with.toLowerCase(Locale.ROOT))) {
        problems.at(r.get("with").getValueNode(), path + ".with", "unknown comparator '" + with
            + "'", "use one of " + String.join(", ", OutputRule.KINDS));
        continue;
      }
      double abs = number(r.get("abs"), path + ".abs", 0, problems);
      double rel = number(r.get("rel"), path + ".rel", 0, problems);
      double review = number(r.get("review"), path + ".review", 1, problems);
      if (review < 1) {
        problems.at(r.get("review").getValueNode(), path + ".review", "review must be 1 or"
            + " more, got " + review, "write how many times the tolerance still needs review,"
            + " e.g. 10; 1 means no review band");
        review = 1;
      }
      rules.add(new OutputRule(pattern, with.toLowerCase(Locale.ROOT),
          new Tolerance(abs, rel, review)));
    }
    return rules;
  }

  private static Map<String, NodeTuple> mapping(Node node, String path, Set<String> allowed,
      ProblemSink problems) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    if (!(node instanceof MappingNode)) {
      problems.at(node, path, "expected a mapping of keys to values",
          "write " + String.join(", ", allowed.stream().sorted().toList()) + " as 'key: value'");
      return entries;
    }
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Node keyNode = tuple.getKeyNode();
      String key = keyNode instanceof ScalarNode ? ((ScalarNode) keyNode).getValue() : null;
      if (key == null || !allowed.contains(key)) {
        problems.at(keyNode, path + "." + key, "unknown key",
            "allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
      } else if (entries.containsKey(key)) {
        problems.at(keyNode, path + "." + key, "this key appears twice", "remove one of them");
      } else {
        entries.put(key, tuple);
      }
    }
    return entries;
  }

  private static List<Node> list(NodeTuple tuple, String path, ProblemSink problems) {
    Node value = tuple.getValueNode();
    if (isNull(value)) {
      return List.of();
    }
    if (!(value instanceof SequenceNode)) {
      problems.at(value, path, "expected a list", "write '- ' before each entry");
      return List.of();
    }
    return ((SequenceNode) value).getValue();
  }

  /** The text of a scalar; null for an absent key or an explicit null. */
  private static String text(NodeTuple tuple, String path, ProblemSink problems) {
    if (tuple == null || isNull(tuple.getValueNode())) {
      return null;
    }
    Node value = tuple.getValueNode();
    if (!(value instanceof ScalarNode) || ((ScalarNode) value).getValue().isBlank()) {
      problems.at(value, path, "expected text", "write a plain value");
      return null;
    }
    return ((ScalarNode) value).getValue();
  }

  private static List<String> strings(NodeTuple tuple, String path, ProblemSink problems) {
    if (tuple == null || isNull(tuple.getValueNode())) {
      return List.of();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode) {
      return List.of(((ScalarNode) value).getValue());
    }
    List<String> out = new ArrayList<>();
    for (Node item : list(tuple, path, problems)) {
      if (item instanceof ScalarNode && !((ScalarNode) item).getValue().isBlank()) {
        out.add(((ScalarNode) item).getValue());
      } else {
        problems.at(item, path, "expected a path", "write one path per entry");
      }
    }
    return out;
  }

  private static double number(NodeTuple tuple, String path, double fallback,
      ProblemSink problems) {
    String text = text(tuple, path, problems);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      problems.at(tuple.getValueNode(), path, "'" + text + "' is not a number of 0 or more",
          "write a number such as 1e-6 or 2");
      return fallback;
    }
  }

  private static long size(NodeTuple tuple, String path, ProblemSink problems) {
    String text = text(tuple, path, problems);
    if (text == null) {
      return 0;
    }
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      problems.at(tuple.getValueNode(), path, "'" + text + "' is not a size",
          "write for example 8GiB, 512MB or 1073741824");
      return 0;
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    int power = "KMGT".indexOf(unit.isEmpty() ? 'B' : unit.charAt(0)) + 1;
    double base = unit.contains("i") ? 1024 : 1000;
    return (long) (value * Math.pow(base, unit.isEmpty() || unit.equals("B") ? 0 : power));
  }

  private static long duration(NodeTuple tuple, String path, ProblemSink problems) {
    String text = text(tuple, path, problems);
    if (text == null) {
      return 0;
    }
    Matcher m = DURATION.matcher(text.trim());
    if (text.isBlank() || !m.matches() || m.group(1) == null && m.group(2) == null
        && m.group(3) == null) {
      problems.at(tuple.getValueNode(), path, "'" + text + "' is not a duration",
          "write for example 90s, 5m, 12h or 1h30m");
      return 0;
    }
    long millis = 0;
    millis += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3_600_000L;
    millis += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60_000L;
    millis += m.group(3) == null ? 0 : Long.parseLong(m.group(3)) * 1_000L;
    return millis;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }
}
