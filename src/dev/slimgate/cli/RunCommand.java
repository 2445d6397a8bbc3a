package dev.slimgate.cli;

import dev.slimgate.docker.ContainerRunner;
import dev.slimgate.docker.DockerConnection;
import dev.slimgate.docker.ImageBuilder;
import dev.slimgate.docker.ImageInspector;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import dev.slimgate.report.RunReport;
import dev.slimgate.run.ChatSummaryJson;
import dev.slimgate.run.ReportFiles;
import dev.slimgate.run.ImageAnatomies;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
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

  @Option(names = "--publish",
      description = "then push the promotion branch and open or update its merge request, as"
          + " 'slimgate publish' does (forge settings from the plan; token from"
          + " SLIMGATE_FORGE_TOKEN)")
  boolean publish;

  @Option(names = "--notify",
      description = "then tell team chat, as 'slimgate notify' does (Slack when"
          + " SLIMGATE_SLACK_TOKEN or SLIMGATE_SLACK_WEBHOOK is set, else the console)")
  boolean notify;

  @Option(names = "--regress",
      description = "then run the plan's regression pipeline in the baseline and the candidate"
          + " and compare their outputs, as 'slimgate regress' does; decides the regression"
          + " gate (phases with one candidate)")
  boolean regress;

  @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "target/slimgate/state",
      description = "where chat threads are remembered between runs (default: ${DEFAULT-VALUE})")
  Path stateDir;

  @Option(names = "--commit", paramLabel = "SHA",
      description = "the commit under test (default: GIT_COMMIT, else the repository's HEAD)")
  String commit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ConsoleEvents events = new ConsoleEvents(spec.commandLine().getOut(), verbose);
    Path base = repo != null ? repo : planFolder(plan);
    Plan parsed = new PlanReader(base, Plans.SECTION_CHECKS).read(plan, base);
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
        new ContainerRunner(engine.client(), allLabels), allLabels,
        new ImageAnatomies(engine.client(), ImageAnatomies.defaultCache(), events));
    String sha = Commits.resolve(commit, System.getenv("GIT_COMMIT"), base);
    RunReport report = new PhaseRun(parts, events, clock)
        .run(parsed, phase, new RunFolder(folder), candidateDockerfile, runId, sha);
    RunFolder run = new RunFolder(folder);
    if (regress) {
      report = regress(report, folder, base, allLabels);
      new ReportFiles().write(report, run);
    }
    List<String> warnings = new ArrayList<>();
    String mergeRequestUrl = publish ? publish(folder, base, warnings) : null;
    // written whatever the options: Jenkins' notify step reads it after this command
    run.write("chat-summary.json", new ChatSummaryJson().from(report, sha,
        System.getenv("BUILD_URL"), null, mergeRequestUrl).toPrettyString() + "\n");
    if (notify) {
      warnings.addAll(notifyChat(folder));
    }
    if (!warnings.isEmpty()) {
      report = report.withWarnings(warnings);
      new ReportFiles().write(report, run);
    }
    Summary.print(report, folder, spec.commandLine().getOut());
    return report.exitCode();
  }

  /** Runs 'slimgate regress' on the run's images and turns its verdict into the gate. */
  private RunReport regress(RunReport report, Path folder, Path base, Map<String, String> labels) {
    if (report.candidates().size() != 1 || report.baseline().failure() != null
        || report.candidates().get(0).failure() != null) {
      return report.withGate(new GateResult("regression", Verdict.FAIL, List.of(
          report.candidates().size() != 1 ? "--regress compares one candidate; run 'slimgate"
              + " regress' per service" : "not run: a build failed")));
    }
    List<String> args = new ArrayList<>(List.of("--plan", plan.toString(), "--repo",
        base.toString(), "--baseline", report.baseline().image(), "--candidate",
        report.candidates().get(0).image(), "--out", folder.resolve("regression").toString()));
    labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
    CommandLine sub = new CommandLine(new RegressCommand());
    sub.setOut(spec.commandLine().getOut());
    sub.setErr(spec.commandLine().getErr());
    int exit = sub.execute(args.toArray(String[]::new));
    JsonNode result = readJson(folder.resolve("regression/regression.json"));
    if (result == null) {
      throw new dev.slimgate.core.InfrastructureException("slimgate regress ended with exit "
          + exit + " and wrote no regression.json; see the lines above");
    }
    Verdict verdict = switch (result.path("verdict").asText()) {
      case "pass" -> Verdict.PASS;
      case "inconclusive" -> Verdict.INCONCLUSIVE;
      default -> Verdict.FAIL;
    };
    List<String> reasons = new ArrayList<>();
    result.path("stages").forEach(st -> reasons.add("stage " + st.path("name").asText() + ": "
        + st.path("verdict").asText()));
    return report.withGate(new GateResult("regression", verdict, reasons));
  }

  /** Runs 'slimgate publish' on the run folder; a failure is a warning, the verdict stands. */
  private String publish(Path folder, Path base, List<String> warnings) {
    CommandLine sub = new CommandLine(new PublishCommand());
    sub.setOut(spec.commandLine().getOut());
    sub.setErr(spec.commandLine().getErr());
    int exit = sub.execute("--run-dir", folder.toString(), "--phase", phase, "--repo",
        base.toString(), "--plan", plan.toString());
    if (exit != 0) {
      warnings.add("the merge request was not published (exit " + exit + "); see above, and"
          + " rerun 'slimgate publish --run-dir " + folder + " --phase " + phase + "'");
      return null;
    }
    JsonNode result = readJson(folder.resolve("publish.json"));
    String url = result == null ? null : result.path("merge_request").path("url").asText(null);
    return url == null || url.isBlank() ? null : url;
  }

  /** Runs 'slimgate notify' on the run's chat summary; returns its warnings. */
  private List<String> notifyChat(Path folder) {
    CommandLine sub = new CommandLine(new NotifyCommand());
    sub.setOut(spec.commandLine().getOut());
    sub.setErr(spec.commandLine().getErr());
    int exit = sub.execute("--summary", folder.resolve("chat-summary.json").toString(),
        "--state-dir", stateDir.toString(), "--run-dir", folder.toString(), "--plan",
        plan.toString());
    List<String> warnings = new ArrayList<>();
    JsonNode result = readJson(folder.resolve("chat-result.json"));
    if (exit != 0 || result == null) {
      warnings.add("chat was not told (exit " + exit + "); see the lines above");
    } else {
      result.path("warnings").forEach(w -> warnings.add("chat: " + w.asText()));
    }
    return warnings;
  }

  private static JsonNode readJson(Path file) {
    try {
      return java.nio.file.Files.isRegularFile(file)
          ? new ObjectMapper().readTree(file.toFile()) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  static Path planFolder(Path plan) {
    Path parent = plan.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}
