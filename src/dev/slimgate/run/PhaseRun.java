package dev.slimgate.run;

import dev.slimgate.anatomy.Analysis;
import dev.slimgate.anatomy.DiffResult;
import dev.slimgate.anatomy.ImageDiff;
import dev.slimgate.anatomy.PlanExcerpt;
import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.EnvironmentCheck;
import dev.slimgate.checks.ToolChecker;
import dev.slimgate.core.Events;
import dev.slimgate.core.InfrastructureException;
import dev.slimgate.core.UsageException;
import dev.slimgate.docker.BuildFailedException;
import dev.slimgate.docker.BuildRequest;
import dev.slimgate.docker.ContainerRunner;
import dev.slimgate.docker.ImageBuilder;
import dev.slimgate.docker.ImageFacts;
import dev.slimgate.docker.ImageInspector;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.SizeGate;
import dev.slimgate.gate.ToolsGate;
import dev.slimgate.gate.Verdict;
import dev.slimgate.lint.DockerfileSyntaxException;
import dev.slimgate.lint.ImageMeasurements;
import dev.slimgate.lint.Level;
import dev.slimgate.lint.LintFormat;
import dev.slimgate.lint.LintInput;
import dev.slimgate.lint.LintReport;
import dev.slimgate.lint.LintSettings;
import dev.slimgate.lint.LintSettingsYaml;
import dev.slimgate.lint.Linter;
import dev.slimgate.lint.SyntaxProblem;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.Plan.Candidate;
import dev.slimgate.plan.Plan.Component;
import dev.slimgate.plan.Plan.Phase;
import dev.slimgate.report.RunReport;
import dev.slimgate.report.RunReport.BuildFailure;
import dev.slimgate.report.RunReport.ExpectedSaving;
import dev.slimgate.report.RunReport.ImageReport;
import dev.slimgate.report.RunReport.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One phase of a plan, end to end: prepare, build the baseline and the candidates, check the
 * tools inside each candidate, measure sizes against budgets, decide and write the run folder.
 */
public final class PhaseRun {

  private static final long PREPARE_TIMEOUT_MINUTES = 60;

  private final DockerEngineParts docker;
  private final Events events;
  private final Clock clock;

  public PhaseRun(DockerEngineParts docker, Events events, Clock clock) {
    this.docker = docker;
    this.events = events;
    this.clock = clock;
  }

  /** Runs {@code phaseId} of {@code plan} and writes its run folder; returns the report. */
  public RunReport run(Plan plan, String phaseId, RunFolder folder, Path candidateOverride,
      String runId, String commit) {
    Phase phase = plan.phase(phaseId).orElseThrow(() -> new UsageException("plan "
        + plan.file() + " has no phase '" + phaseId + "'; its phases are "
        + String.join(", ", plan.phases().stream().map(Phase::id).toList())
        + " (fix: pass --phase with one of them)"));
    if (candidateOverride != null && phase.candidates().size() != 1) {
      throw new UsageException("--candidate-dockerfile replaces the one candidate of a phase, but"
          + " phase " + phase.id() + " has " + phase.candidates().size()
          + " (fix: drop the option)");
    }
    Instant started = clock.instant();
    List<String> warnings = new ArrayList<>();
    prepare(plan, folder);

    Plan.ImageSpec image = plan.image();
    Map<String, List<String>> environments = new LinkedHashMap<>();
    ImageReport baseline = build(plan, image.name(), image.name() + ":baseline",
        plan.repo().resolve(image.dockerfile()), plan.repo().resolve(image.context()), null,
        folder, environments);
    List<ImageReport> candidates = new ArrayList<>();
    for (Candidate c : phase.candidates()) {
      Path dockerfile = candidateOverride != null ? candidateOverride
          : plan.repo().resolve(c.dockerfile());
      // another Dockerfile gets its own tag, so the phase's real candidate keeps its tag
      String tag = candidateOverride != null ? phase.tag(c) + "-custom" : phase.tag(c);
      candidates.add(build(plan, c.name(), tag, dockerfile,
          plan.repo().resolve(c.context()), c.budget(), folder, environments));
    }

    List<GateResult> gates = new ArrayList<>();
    List<CheckResult> checks = new ArrayList<>();
    GateResult build = buildGate(baseline, candidates);
    gates.add(build);
    boolean built = build.verdict() == Verdict.PASS;
    if (phase.gates("tools")) {
      if (built) {
        ToolChecker checker = new ToolChecker(docker.runner(), events);
        for (int i = 0; i < candidates.size(); i++) {
          Candidate c = phase.candidates().get(i);
          checks.addAll(checker.check(plan, phase.id(), c.name(), candidates.get(i).image(),
              components(plan, c)));
        }
        if (candidates.size() == 1) {
          // a split legitimately drops the variables of the other services: single images only
          List<String> gone = new ArrayList<>();
          plan.components().values().forEach(c -> c.absent().stream()
              .filter(a -> plan.reached(phase.id(), a.after())).forEach(a -> gone.add(a.path())));
          checks.addAll(new EnvironmentCheck().check(phase.candidates().get(0).name(),
              environments.getOrDefault(baseline.image(), List.of()),
              environments.getOrDefault(candidates.get(0).image(), List.of()), gone));
        }
        gates.add(new ToolsGate().evaluate(checks));
      } else {
        gates.add(new GateResult("tools", Verdict.FAIL, List.of("not checked: a build failed")));
      }
    }
    if (phase.gates("size")) {
      if (built) {
        List<SizeGate.Measured> measured = candidates.stream()
            .map(c -> new SizeGate.Measured(c.name(), c.bytes(), c.budget())).toList();
        gates.add(new SizeGate().evaluate(baseline.bytes(), measured, phase.budget()));
      } else {
        gates.add(new GateResult("size", Verdict.FAIL, List.of("not measured: a build failed")));
      }
    }
    if (phase.gates("lint")) {
      gates.add(lint(plan, phase, candidateOverride, folder));
    }
    if (phase.gates("regression")) {
      // TODO: the regression gate runs as its own command (slimgate regress), which Jenkins runs
      //  on the plan's agent labels; 'slimgate run' does not start hours of pipeline itself.
      warnings.add("gate 'regression' is decided by 'slimgate regress', not by 'slimgate run'");
    }
    DiffResult diff = built && candidates.size() == 1 && docker.anatomies() != null
        ? explain(plan, phase, baseline, candidates.get(0), warnings) : null;
    List<ExpectedSaving> expectedSavings = expected(phase, diff);
    warnings.addAll(shortfalls(phase, expectedSavings));
    Verdict verdict = Verdict.worst(gates.stream().map(GateResult::verdict).toList());
    RunReport report = new RunReport(RunReport.SCHEMA, runId, commit, phase.id(), phase.name(),
        plan.file().toString(), verdict, verdict.exitCode(), started.toString(),
        clock.instant().toString(), baseline, candidates, phase.budget(),
        expectedSavings, measured(diff), gates, checks, warnings);
    write(report, plan, phase, folder);
    events.info("phase " + phase.id() + ": " + verdict.label() + " (report: "
        + folder.resolve("report.md") + ")");
    return report;
  }

  /**
   * Where the bytes went: both images read layer by layer, compared per component, path and
   * installed package. A failure here is a warning; the gates do not depend on it.
   */
  private DiffResult explain(Plan plan, Phase phase, ImageReport baseline, ImageReport candidate,
      List<String> warnings) {
    try {
      Analysis base = docker.anatomies().analyze(baseline.image(), plan.componentPaths());
      Analysis cand = docker.anatomies().analyze(candidate.image(), plan.componentPaths());
      return new ImageDiff(PlanExcerpt.of(plan), phase.id()).diff(base, cand);
    } catch (RuntimeException e) {
      warnings.add("the size explanation failed: " + e.getMessage());
      return null;
    }
  }

  private static List<ExpectedSaving> expected(Phase phase, DiffResult diff) {
    List<ExpectedSaving> out = new ArrayList<>();
    for (Plan.Saving s : phase.savings()) {
      Long measured = null;
      if (diff != null && s.component() != null) {
        measured = diff.components().stream().filter(c -> c.name().equals(s.component()))
            .map(DiffResult.ComponentDelta::saved).findFirst().orElse(null);
      }
      out.add(new ExpectedSaving(s.change(), s.component(), s.bytes(), measured));
    }
    return out;
  }

  /** A component that shrank by less than half of what its one expected change promised. */
  private static List<String> shortfalls(Phase phase, List<ExpectedSaving> expected) {
    List<String> out = new ArrayList<>();
    for (ExpectedSaving s : expected) {
      long sameComponent = phase.savings().stream()
          .filter(o -> s.component() != null && s.component().equals(o.component())).count();
      if (s.measured() != null && sameComponent == 1 && s.measured() * 2 < s.bytes()) {
        out.add("'" + s.change() + "' was expected to save "
            + dev.slimgate.plan.Units.formatSize(s.bytes()) + " in component " + s.component()
            + ", which shrank by " + dev.slimgate.plan.Units.formatSize(s.measured())
            + " (fix the plan's expectation, or look for what is still there)");
      }
    }
    return out;
  }

  /** Components that shrank, then packages that went, each with its measured bytes. */
  private static List<RunReport.MeasuredSaving> measured(DiffResult diff) {
    if (diff == null) {
      return List.of();
    }
    List<RunReport.MeasuredSaving> out = new ArrayList<>();
    diff.components().stream().filter(c -> c.saved() > 0)
        .forEach(c -> out.add(new RunReport.MeasuredSaving("component " + c.name(), c.saved())));
    diff.packagesRemoved().forEach(p -> out.add(new RunReport.MeasuredSaving(
        "package " + p.name() + " (" + p.manager() + ")", p.bytes())));
    return out;
  }

  /** The Dockerfile advisor on every candidate Dockerfile: an error-level finding fails it. */
  private GateResult lint(Plan plan, Phase phase, Path candidateOverride, RunFolder folder) {
    List<LintInput> inputs = new ArrayList<>();
    for (Candidate c : phase.candidates()) {
      Path dockerfile = candidateOverride != null ? candidateOverride
          : plan.repo().resolve(c.dockerfile());
      Path context = plan.repo().resolve(c.context());
      // findings name the Dockerfile as the repository knows it, else by its full path
      Path repo = plan.repo().toAbsolutePath().normalize();
      Path file = dockerfile.toAbsolutePath().normalize();
      String shown = file.startsWith(repo) ? repo.relativize(file).toString() : file.toString();
      try {
        inputs.add(new LintInput(shown, Files.readString(dockerfile, StandardCharsets.UTF_8),
            Files.exists(context.resolve(".dockerignore"))));
      } catch (IOException e) {
        throw new UsageException("cannot read the Dockerfile " + dockerfile + ": "
            + e.getMessage() + " (fix: correct the path in the plan or the option)");
      }
    }
    LintSettings settings;
    try {
      settings = new LintSettingsYaml().read(plan.file().toString(),
          Files.readString(plan.file(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("cannot read the plan " + plan.file() + ": " + e.getMessage());
    }
    LintReport report;
    try {
      report = new Linter(settings, ImageMeasurements.NONE).lint(inputs);
    } catch (DockerfileSyntaxException e) {
      return new GateResult("lint", Verdict.FAIL, e.problems().stream()
          .map(SyntaxProblem::describe).toList());
    }
    folder.write("lint/lint.sarif", LintFormat.SARIF.render(report));
    folder.write("lint/lint.txt", LintFormat.TEXT.render(report));
    List<String> errors = report.active().stream().filter(f -> f.level() == Level.ERROR)
        .map(f -> f.path() + ":" + f.span().startLine() + ": " + f.ruleId() + " " + f.message())
        .toList();
    events.info("linted " + inputs.size() + " Dockerfile(s): " + report.count(Level.ERROR)
        + " errors, " + report.count(Level.WARNING) + " warnings");
    if (report.failed()) {
      return new GateResult("lint", Verdict.FAIL, errors);
    }
    return new GateResult("lint", Verdict.PASS, List.of(report.count(Level.WARNING)
        + " warnings, no errors (lint/lint.txt)"));
  }

  private static List<Component> components(Plan plan, Candidate c) {
    if (c.components().isEmpty()) {
      return List.copyOf(plan.components().values());
    }
    return c.components().stream().map(plan.components()::get).toList();
  }

  private void prepare(Plan plan, RunFolder folder) {
    String command = plan.image().prepare();
    if (command == null) {
      return;
    }
    events.info("preparing the build context: " + command);
    Path log = folder.resolve("logs/prepare.log");
    try {
      Files.createDirectories(log.getParent());
      Process p = new ProcessBuilder("sh", "-c", command).directory(plan.repo().toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(PREPARE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new InfrastructureException("the prepare command '" + command + "' did not finish"
            + " within " + PREPARE_TIMEOUT_MINUTES + " minutes; its output is in " + log);
      }
      if (p.exitValue() != 0) {
        throw new InfrastructureException("the prepare command '" + command + "' exited "
            + p.exitValue() + ":\n" + tail(log) + "\n(full output: " + log + ")");
      }
    } catch (IOException e) {
      throw new InfrastructureException("cannot run the prepare command '" + command + "': "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while preparing", e);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  private ImageReport build(Plan plan, String name, String tag, Path dockerfile, Path context,
      Long budget, RunFolder folder, Map<String, List<String>> environments) {
    String logName = "logs/build-" + tag.replace(':', '-').replace('/', '-') + ".log";
    BuildRequest request = new BuildRequest(dockerfile, context, tag, plan.image().buildArgs(),
        docker.labels(), plan.image().buildNetwork(), folder.resolve(logName));
    try {
      docker.builder().build(request);
    } catch (BuildFailedException e) {
      events.warn(e.getMessage());
      return new ImageReport(name, tag, null, 0, budget, List.of(),
          new BuildFailure(e.step(), e.getMessage(), e.tail()));
    }
    ImageFacts facts = docker.inspector().inspect(tag).orElseThrow(() ->
        new InfrastructureException("the engine built " + tag + " but does not list it"));
    environments.put(tag, facts.env());
    events.info("measured " + tag + ": " + dev.slimgate.plan.Units.formatSize(facts.bytes())
        + " in " + facts.layers().size() + " steps");
    return new ImageReport(name, tag, facts.id(), facts.bytes(), budget,
        facts.layers().stream().map(l -> new Layer(l.createdBy(), l.bytes())).toList(), null);
  }

  private static GateResult buildGate(ImageReport baseline, List<ImageReport> candidates) {
    List<String> failures = new ArrayList<>();
    List<ImageReport> all = new ArrayList<>();
    all.add(baseline);
    all.addAll(candidates);
    for (ImageReport image : all) {
      if (image.failure() != null) {
        failures.add(image.failure().error());
      }
    }
    return failures.isEmpty()
        ? new GateResult("build", Verdict.PASS, List.of(all.size() + " images built"))
        : new GateResult("build", Verdict.FAIL, failures);
  }

  private void write(RunReport report, Plan plan, Phase phase, RunFolder folder) {
    new ReportFiles().write(report, folder);
    Map<String, Object> promotion = new LinkedHashMap<>();
    promotion.put("phase", phase.id());
    List<Map<String, String>> files = new ArrayList<>();
    if (phase.candidates().size() == 1) {
      files.add(Map.of("path", plan.image().dockerfile(),
          "source", plan.repo().resolve(phase.candidates().get(0).dockerfile()).toString()));
    }
    promotion.put("files", files);
    try {
      folder.write("promotion.json", new com.fasterxml.jackson.databind.ObjectMapper()
          .writerWithDefaultPrettyPrinter().writeValueAsString(promotion) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Docker parts a run uses, bundled so tests can give their own labels. */
  public record DockerEngineParts(ImageBuilder builder, ImageInspector inspector,
      ContainerRunner runner, Map<String, String> labels, ImageAnatomies anatomies) {}
}
