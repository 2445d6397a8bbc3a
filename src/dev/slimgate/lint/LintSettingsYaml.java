package dev.slimgate.lint;

import dev.slimgate.core.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads the {@code lint:} section of a phase plan (other sections are the plan parser's
 * business). Keys present replace the medimproc defaults; absent keys keep them. Every problem of
 * the section is reported at once with file, line and column.
 */
public final class LintSettingsYaml {

  private static final Set<String> KEYS = Set.of("severity", "unused_packages", "distributions");
  private static final Pattern RULE_ID = Pattern.compile("SG\\d{3}");

  /**
   * Parses a plan's text.
   *
   * @param path the plan file as the user named it, for messages
   * @throws UsageException listing every problem of the lint section
   */
  public LintSettings read(String path, String yaml) {
    List<String> problems = new ArrayList<>();
    Optional<Node> root;
    try {
      root = new Compose(LoadSettings.builder().setLabel(path).build()).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().orElse(null);
      throw new UsageException(path + ":" + (mark == null ? "1:1" : (mark.getLine() + 1) + ":"
          + (mark.getColumn() + 1)) + ": the plan is not valid YAML: " + e.getProblem()
          + " (fix: correct the YAML syntax at that position)");
    }
    LintSettings defaults = LintSettings.medimproc();
    if (root.isEmpty() || !(root.get() instanceof MappingNode top)) {
      return defaults;
    }
    Node lint = value(top, "lint");
    if (lint == null || isNull(lint)) {
      return defaults;
    }
    if (!(lint instanceof MappingNode section)) {
      throw new UsageException(where(path, lint) + ": 'lint' must be a mapping (fix: write"
          + " 'lint:' followed by indented keys " + KEYS.stream().sorted().toList() + ")");
    }
    Map<String, Level> severity = new LinkedHashMap<>(defaults.severity());
    Set<String> unused = defaults.unusedPackages();
    List<Distribution> distributions = defaults.distributions();
    for (NodeTuple t : section.getValue()) {
      String key = scalar(t.getKeyNode());
      Node v = t.getValueNode();
      switch (key == null ? "" : key) {
        case "severity" -> severity(path, v, severity, problems);
        case "unused_packages" -> unused = new LinkedHashSet<>(strings(path, v, key, problems));
        case "distributions" -> distributions = distributions(path, v, problems);
        default -> problems.add(where(path, t.getKeyNode()) + ": unknown key 'lint." + key
            + "': expected one of " + KEYS.stream().sorted().toList()
            + " (fix: remove it or correct its spelling)");
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
    return new LintSettings(severity, unused, distributions);
  }

  private void severity(String path, Node node, Map<String, Level> out, List<String> problems) {
    if (!(node instanceof MappingNode map)) {
      problems.add(where(path, node) + ": 'lint.severity' must map rule ids to levels (fix:"
          + " write e.g. 'severity: {SG102: error, SG112: off}')");
      return;
    }
    for (NodeTuple t : map.getValue()) {
      String id = scalar(t.getKeyNode());
      String level = scalar(t.getValueNode());
      if (id == null || !RULE_ID.matcher(id).matches()) {
        problems.add(where(path, t.getKeyNode()) + ": '" + id + "' is not a rule id (fix: use"
            + " an id such as SG101; 'slimgate lint --list-rules' shows them)");
        continue;
      }
      try {
        out.put(id, Level.valueOf(String.valueOf(level).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(where(path, t.getValueNode()) + ": level '" + level + "' of " + id
            + " is not one of error, warning, note, off (fix: use one of those)");
      }
    }
  }

  private List<Distribution> distributions(String path, Node node, List<String> problems) {
    List<Distribution> out = new ArrayList<>();
    if (!(node instanceof SequenceNode seq)) {
      problems.add(where(path, node) + ": 'lint.distributions' must be a list of {name, match,"
          + " unneeded} (fix: start each entry with '- match: ...')");
      return out;
    }
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode map)) {
        problems.add(where(path, item) + ": a distribution must be a mapping with 'match' and"
            + " 'unneeded' (fix: write '- {match: \"freesurfer.*tar.gz\", unneeded: [docs]}')");
        continue;
      }
      Node match = value(map, "match");
      Node unneeded = value(map, "unneeded");
      Node name = value(map, "name");
      for (NodeTuple t : map.getValue()) {
        String k = scalar(t.getKeyNode());
        if (!Set.of("name", "match", "unneeded").contains(k)) {
          problems.add(where(path, t.getKeyNode()) + ": unknown key '" + k + "' in a"
              + " distribution: expected name, match, unneeded (fix: remove it)");
        }
      }
      if (match == null || scalar(match) == null) {
        problems.add(where(path, item) + ": a distribution needs 'match', a regular expression"
            + " for the download URL or file name (fix: add e.g. 'match: fslinstaller\\.py')");
        continue;
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(scalar(match));
      } catch (PatternSyntaxException e) {
        problems.add(where(path, match) + ": 'match' is not a valid regular expression: "
            + e.getDescription() + " (fix: escape special characters such as '.' with '\\')");
        continue;
      }
      List<String> parts = unneeded == null ? List.of()
          : strings(path, unneeded, "unneeded", problems);
      String label = name != null && scalar(name) != null ? scalar(name) : scalar(match);
      out.add(new Distribution(label, pattern, parts));
    }
    return out;
  }

  private List<String> strings(String path, Node node, String key, List<String> problems) {
    List<String> out = new ArrayList<>();
    if (!(node instanceof SequenceNode seq)) {
      problems.add(where(path, node) + ": '" + key + "' must be a list of strings (fix: write"
          + " '[a, b]' or one '- item' per line)");
      return out;
    }
    for (Node item : seq.getValue()) {
      String s = scalar(item);
      if (s == null) {
        problems.add(where(path, item) + ": '" + key + "' entries must be strings");
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (key.equals(scalar(t.getKeyNode()))) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && node.getTag().getValue().endsWith(":null");
  }

  private static String where(String path, Node node) {
    return node.getStartMark().map(m -> path + ":" + (m.getLine() + 1) + ":"
        + (m.getColumn() + 1)).orElse(path);
  }
}
