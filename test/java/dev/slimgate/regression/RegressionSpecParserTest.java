package dev.slimgate.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slimgate.plan.Problems;
import dev.slimgate.regression.compare.OutputRule;
import dev.slimgate.regression.compare.Tolerance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

class RegressionSpecParserTest {

  private static final String FULL = String.join("\n",
      "regression:",
      "  reference: test/fixtures/x/reference",
      "  inputs: test/fixtures/x/inputs",
      "  stages:",
      "    - name: structural",
      "      command: recon-all -all -s subj -i /in/T1.nii.gz -sd /work/structural",
      "      outputs: [structural/subj/mri/T1.mgz]",
      "      after: null",
      "      timeout: 12h",
      "      memory: 8GiB",
      "      cpus: 2",
      "      agent: bigmem",
      "    - name: tractography",
      "      command: tckgen a b",
      "      outputs: [tractography/weights.txt, tractography/lengths.txt]",
      "      after: structural",
      "      timeout: 1h30m",
      "      memory: 512MB",
      "  compare:",
      "    - pattern: \"**/*.txt\"",
      "      with: table",
      "      abs: 1e-6",
      "      rel: 1e-4",
      "      review: 10",
      "    - pattern: \"**/*.mgz\"",
      "");

  private final List<String> problems = new ArrayList<>();

  private RegressionSpec parse(String yaml) {
    Node root = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
    Node section = null;
    for (NodeTuple t : ((MappingNode) root).getValue()) {
      section = t.getValueNode();
    }
    Problems found = new Problems("plan.yaml");
    RegressionSpec spec = new RegressionSpecParser().parse(section, found);
    found.list().forEach(p -> problems.add(p.line() + ":" + p.column() + " " + p.key() + ": "
        + p.message()));
    return spec;
  }

  @Test
  void readsAFullSectionWithoutProblems() {
    parse(FULL);

    assertEquals(List.of(), problems);
  }

  @Test
  void readsTheFirstStage() {
    Stage stage = parse(FULL).stages().get(0);

    assertEquals(new Stage("structural",
        "recon-all -all -s subj -i /in/T1.nii.gz -sd /work/structural",
        List.of("structural/subj/mri/T1.mgz"), null, 12 * 3_600_000L, 8L << 30, 2, "bigmem"),
        stage);
  }

  @Test
  void readsDecimalSizesAndCombinedDurations() {
    Stage stage = parse(FULL).stages().get(1);

    assertEquals(List.of(5_400_000L, 512_000_000L, "structural"),
        List.of(stage.timeoutMillis(), stage.memoryBytes(), stage.after()));
  }

  @Test
  void readsCompareRulesWithDefaults() {
    RegressionSpec spec = parse(FULL);

    assertEquals(List.of(new OutputRule("**/*.txt", "table", new Tolerance(1e-6, 1e-4, 10)),
        new OutputRule("**/*.mgz", "auto", Tolerance.EXACT)), spec.compare());
  }

  @Test
  void readsPathsOfTheReferenceAndInputs() {
    RegressionSpec spec = parse(FULL);

    assertEquals(List.of("test/fixtures/x/reference", "test/fixtures/x/inputs"),
        List.of(spec.reference(), spec.inputs()));
  }

  @Test
  void aStageWithoutTimeoutGetsTheDefault() {
    Stage stage = parse("regression:\n  stages:\n    - name: a\n      command: x\n")
        .stages().get(0);

    assertEquals(Stage.DEFAULT_TIMEOUT_MILLIS, stage.timeoutMillis());
  }

  @Test
  void reportsEveryProblemWithLineAndColumn() {
    parse(String.join("\n",
        "regression:",
        "  stages:",
        "    - name: a",
        "      command: x",
        "      timeout: soon",
        "      memory: lots",
        "      after: b",
        "      colour: red",
        "    - command: y",
        "  compare:",
        "    - pattern: '*.nii'",
        "      with: pixels",
        "    - pattern: '*.txt'",
        "      review: 0.5",
        ""));

    assertEquals(List.of(
        "8:7 regression.stages[0].colour: unknown key",
        "7:14 regression.stages[0].after: stage 'b' is not an earlier stage",
        "5:16 regression.stages[0].timeout: 'soon' is not a duration; write e.g. 90s, 5m, 12h"
            + " or 1h30m",
        "6:15 regression.stages[0].memory: 'lots' is not a size; write bytes (1048576), decimal"
            + " units (28GB, 512MB) or binary units (28GiB, 512MiB)",
        "9:7 regression.stages[1].name: required key is missing",
        "12:13 regression.compare[0].with: unknown comparator 'pixels'",
        "14:15 regression.compare[1].review: review must be 1 or more, got 0.5"), problems);
  }

  @Test
  void aDuplicateStageNameIsAProblem() {
    parse("regression:\n  stages:\n    - {name: a, command: x}\n    - {name: a, command: y}\n");

    assertEquals(List.of("4:14 regression.stages[1].name: stage 'a' is defined twice"),
        problems);
  }

  @Test
  void anOutputOutsideTheWorkFolderIsAProblem() {
    parse("regression:\n  stages:\n    - {name: a, command: x, outputs: [/etc/passwd]}\n");

    assertEquals(1, problems.size(), problems.toString());
  }
}
