package dev.slimgate.cli;

import dev.slimgate.docker.ContainerRunner;
import dev.slimgate.docker.DockerConnection;
import dev.slimgate.docker.ImageBuilder;
import dev.slimgate.docker.ImageInspector;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import dev.slimgate.report.RunReport;
import dev.slimgate.run.PhaseRun;
import dev.slimgate.run.RunFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import dev.slimgate.core.UsageException;

/** {@code slimgate run}: one phase of a plan, end to end. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Builds the baseline and the phase's candidates, checks their tools, measures"
        + " their sizes against the budgets and writes the run folder."
        + "%nExit codes: 0 all gates passed, 1 a gate failed or is inconclusive, 2 usage or plan"
        + " error, 3 infrastructure failure.")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "the phase plan")
  Path plan;

  @Option(names = "--phase", required = true, paramLabel = "ID", description = "A, B, C or D")
  String phase;

  @Option(names = "--repo", paramLabel = "DIR",
      description = "the image repository the plan's paths are relative to (default: the plan's"
          + " folder)")
  Path repo;

  @Option(names = "--out", paramLabel = "DIR",
      description = "the run folder (default: target/slimgate/<run-id>)")
  Path out;

  @Option(names = "--candidate-dockerfile", paramLabel = "FILE",
      description = "build this Dockerfile instead of the phase's one candidate")
  Path candidateDockerfile;

  @Option(names = "--label", paramLabel = "KEY=VALUE",
      description = "a label for every image and container the run creates (repeatable)")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(names = {"-v", "--verbose"}, description = "print the build output too")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), verbose);
    Path base = repo != null ? repo : planFolder(plan);
    Plan parsed = new PlanReader(base).read(plan, base);
    if (parsed.phase(phase).isEmpty()) {
      throw new UsageException("plan " + plan + " has no phase '" + phase + "'; its phases are "
          + String.join(", ", parsed.phases().stream().map(Plan.Phase::id).toList())
          + " (fix: pass --phase with one of them)");
    }
    Clock clock = Clock.systemUTC();
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
        .format(clock.instant()) + "-phase-" + phase.toLowerCase(Locale.ROOT);
    Path folder = out != null ? out : Path.of("target", "slimgate", runId);
    DockerConnection.Engine engine = DockerConnection.connect();
    Map<String, String> allLabels = new LinkedHashMap<>(labels);
    allLabels.putIfAbsent("dev.slimgate.plan", parsed.image().name());
    PhaseRun.DockerEngineParts parts = new PhaseRun.DockerEngineParts(
        new ImageBuilder(engine.client(), events), new ImageInspector(engine),
        new ContainerRunner(engine.client(), allLabels), allLabels);
    RunReport report = new PhaseRun(parts, events, clock)
        .run(parsed, phase, new RunFolder(folder), candidateDockerfile, runId);
    Summary.print(report, folder, spec.commandLine().getOut());
    return report.exitCode();
  }

  static Path planFolder(Path plan) {
    Path parent = plan.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}
