package dev.slimgate.regression;

import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads only the {@code regression:} section of a plan file, for the regress and compare
 * commands. Every problem is reported at once with file, line and column.
 */
public final class RegressionPlanLoader {

  // TODO: the plan package's strict reader should read the whole plan and hand its
  // regression node to RegressionSpecParser, so that regress and compare also refuse a plan
  // whose other sections are wrong; that reader was not on main when this was written.

  public RegressionSpec load(Path plan) {
    String text;
    try {
      text = Files.readString(plan, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the plan " + plan + ": " + e.getMessage()
          + "; pass the path of a plan YAML file with --plan");
    }
    Node root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(plan.toString()).build();
      root = new Compose(settings).composeString(text).orElse(null);
    } catch (YamlEngineException e) {
      throw new UsageException(plan + ": not valid YAML: " + e.getMessage());
    }
    Node section = null;
    if (root instanceof MappingNode) {
      for (NodeTuple tuple : ((MappingNode) root).getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode
            && ((ScalarNode) tuple.getKeyNode()).getValue().equals("regression")) {
          section = tuple.getValueNode();
        }
      }
    }
    if (section == null) {
      throw new UsageException(plan + ": the plan has no regression section; add one as"
          + " described in docs/regression.md");
    }
    List<String> problems = new ArrayList<>();
    RegressionSpec spec = new RegressionSpecParser().parse(section, (node, key, message, fix) ->
        problems.add(plan + ":" + node.getStartMark().map(m -> (m.getLine() + 1) + ":"
            + (m.getColumn() + 1)).orElse("0") + ": " + key + ": " + message
            + (fix.isEmpty() ? "" : " (fix: " + fix + ")")));
    if (!problems.isEmpty()) {
      throw new UsageException(problems.size() + " problem(s) in the regression section:\n"
          + String.join("\n", problems));
    }
    return spec;
  }
}
