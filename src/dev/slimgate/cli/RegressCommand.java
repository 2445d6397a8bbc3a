package dev.slimgate.cli;

import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import dev.slimgate.docker.DockerConnection;
import dev.slimgate.regression.RegressionPlanLoader;
import dev.slimgate.regression.RegressionReport;
import dev.slimgate.regression.RegressionRequest;
import dev.slimgate.regression.RegressionResult;
import dev.slimgate.regression.RegressionRunner;
import dev.slimgate.regression.RegressionSpec;
import dev.slimgate.regression.StageResult;
import dev.slimgate.regression.StageRunner;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slimgate regress}: the regression gate. */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the plan's regression pipeline in the baseline and the candidate image (or takes "
            + "the baseline's outputs from a stored reference) and compares every declared "
            + "output with the plan's comparators and tolerances.",
        "Writes regression.json, regression-junit.xml and regression.md to --out.",
        "Exit codes: 0 pass, 1 fail or needs review, 2 usage or plan error, 3 Docker failure."})
public final class RegressCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the phase plan")
  private Path plan;

  @Option(names = "--baseline", paramLabel = "IMAGE",
      description = "image whose outputs are the truth")
  private String baseline;

  @Option(names = "--candidate", paramLabel = "IMAGE", description = "image under test")
  private String candidate;

  @Option(names = "--reference", paramLabel = "DIR",
      description = "compare with this stored reference output set instead of running the "
          + "baseline; without --baseline the plan's regression.reference is used")
  private Path reference;

  @Option(names = "--record-reference", paramLabel = "DIR",
      description = "store the baseline run's outputs here as a new reference")
  private Path recordReference;

  @Option(names = "--repo", paramLabel = "DIR",
      description = "image repository the plan's paths are relative to (default: the plan's "
          + "folder)")
  private Path repo;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "slimgate-out/regression",
      description = "work folders, logs and reports (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--label", paramLabel = "KEY=VALUE",
      description = "label to put on every container, repeatable")
  private Map<String, String> labels = new LinkedHashMap<>();

  @Override
  public Integer call() {
    PrintWriter outText = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path base = repo != null ? repo : RunCommand.planFolder(plan);
      RegressionSpec regression = new RegressionPlanLoader().load(plan, base);
      Path ref = reference;
      if (ref == null && baseline == null && regression.reference() != null) {
        ref = base.resolve(regression.reference());
      }
      Path inputs = regression.inputs() == null ? null : base.resolve(regression.inputs());
      // progress on standard error, so standard output stays the verdict
      Events events = new ConsoleEvents(err, false);
      RegressionRunner runner = new RegressionRunner(
          new StageRunner(DockerConnection.open(), labels, events), events);
      RegressionResult result = runner.run(regression, new RegressionRequest(
          ref == null ? baseline : null, candidate, ref, recordReference, inputs, out));
      RegressionReport.write(result, out);
      print(outText, result);
      return result.verdict() == Verdict.PASS ? 0 : 1;
    } catch (SlimgateException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 3;
    }
  }

  private void print(PrintWriter text, RegressionResult result) {
    for (StageResult stage : result.stages()) {
      text.println("stage " + stage.name() + ": " + stage.verdict().word());
      stage.problems().forEach(p -> text.println("  " + p));
      for (Outcome outcome : stage.outputs()) {
        if (outcome.verdict() != Verdict.PASS) {
          text.println("  " + outcome.describe());
        }
      }
    }
    String word = result.verdict() == Verdict.INCONCLUSIVE ? "needs review"
        : result.verdict().word();
    text.println("regression " + word + "; reports in " + out.toAbsolutePath());
  }
}
