package dev.slimgate.regression;

import dev.slimgate.plan.Problems;
import dev.slimgate.plan.Section;
import dev.slimgate.regression.compare.OutputRule;
import dev.slimgate.regression.compare.Tolerance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the {@code regression:} section of a plan from its YAML node with the plan package's
 * strict {@link Section} views. Every problem goes to the plan's {@link Problems} with its file,
 * line and column, so the plan reader reports all of them at once; the parser never stops at
 * the first one.
 */
public final class RegressionSpecParser {

  private static final Set<String> SECTION_KEYS = Set.of("reference", "inputs", "stages",
      "compare");
  private static final Set<String> STAGE_KEYS = Set.of("name", "command", "outputs", "after",
      "timeout", "memory", "cpus", "agent");
  private static final Set<String> RULE_KEYS = Set.of("pattern", "with", "abs", "rel",
      "review");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

  /** Parses {@code node}; the result is only meaningful when {@code problems} stays empty. */
  public RegressionSpec parse(Node node, Problems problems) {
    if (isNull(node)) {
      return new RegressionSpec(null, null, List.of(), List.of());
    }
    Section top = Section.of(node, "regression", problems, SECTION_KEYS);
    String reference = top.string("reference").orElse(null);
    String inputs = top.string("inputs").orElse(null);
    List<Stage> stages = stages(top);
    List<OutputRule> rules = rules(top);
    return new RegressionSpec(reference, inputs, stages, rules);
  }

  private List<Stage> stages(Section top) {
    List<Stage> stages = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (Node item : top.items("stages")) {
      Section s = Section.of(item, "regression.stages[" + i++ + "]", top.problems(), STAGE_KEYS);
      String name = s.requiredString("name", "name the stage, e.g. name: structural")
          .orElse(null);
      if (name != null && !NAME.matcher(name).matches()) {
        s.problem("name", "stage name '" + name + "' is not lower-case letters, digits, '.',"
            + " '_' or '-'", "rename the stage, e.g. diffusion-preproc");
      } else if (name != null && !seen.add(name)) {
        s.problem("name", "stage '" + name + "' is defined twice", "give each stage its own name");
      }
      String command = s.requiredString("command",
          "give the command to run with sh -c inside the image").orElse(null);
      List<String> outputs = s.strings("outputs");
      for (String output : outputs) {
        if (output.startsWith("/") || List.of(output.split("/")).contains("..")) {
          s.problem("outputs", "output '" + output + "' is not a path inside /work",
              "write it relative to /work, without '..'");
        }
      }
      String after = optional(s, "after");
      if (after != null && (!seen.contains(after) || after.equals(name))) {
        s.problem("after", "stage '" + after + "' is not an earlier stage",
            "name a stage listed above this one, or write null");
      }
      long timeout = s.durationMillis("timeout").orElse(Stage.DEFAULT_TIMEOUT_MILLIS);
      if (timeout <= 0) {
        s.problem("timeout", "a timeout of 0 would kill the stage at once", "write e.g. 12h");
        timeout = Stage.DEFAULT_TIMEOUT_MILLIS;
      }
      long memory = s.size("memory").orElse(0L);
      double cpus = nonNegative(s, "cpus", 0);
      String agent = optional(s, "agent");
      stages.add(new Stage(name, command, outputs, after, timeout, memory, cpus, agent));
    }
    return stages;
  }

  private List<OutputRule> rules(Section top) {
    List<OutputRule> rules = new ArrayList<>();
    int i = 0;
    for (Node item : top.items("compare")) {
      Section r = Section.of(item, "regression.compare[" + i++ + "]", top.problems(),
          RULE_KEYS);
      Optional<String> pattern = r.requiredString("pattern",
          "give a glob such as \"**/*.nii.gz\"");
      String with = r.string("with").map(w -> w.toLowerCase(Locale.ROOT)).orElse("auto");
      if (!OutputRule.KINDS.contains(with)) {
        r.problem("with", "unknown comparator '" + with + "'",
            "use one of " + String.join(", ", OutputRule.KINDS));
        continue;
      }
      double abs = nonNegative(r, "abs", 0);
      double rel = nonNegative(r, "rel", 0);
      double review = nonNegative(r, "review", 1);
      if (review < 1) {
        r.problem("review", "review must be 1 or more, got " + review, "write how many times"
            + " the tolerance still needs review, e.g. 10; 1 means no review band");
        review = 1;
      }
      if (pattern.isPresent()) {
        rules.add(new OutputRule(pattern.get(), with, new Tolerance(abs, rel, review)));
      }
    }
    return rules;
  }

  /** A text value where an explicit {@code null} means absent, as for {@code after: null}. */
  private static String optional(Section s, String key) {
    return s.value(key).filter(v -> !isNull(v)).flatMap(v -> s.string(key)).orElse(null);
  }

  private static double nonNegative(Section s, String key, double fallback) {
    Optional<Double> value = s.number(key);
    if (value.isPresent() && !(value.get() >= 0 && !value.get().isInfinite())) {
      s.problem(key, "'" + value.get() + "' is not a number of 0 or more",
          "write a number such as 1e-6 or 2");
      return fallback;
    }
    return value.orElse(fallback);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }
}
