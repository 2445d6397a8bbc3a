package dev.slimgate.regression;

import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import dev.slimgate.regression.compare.Comparators;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the regression pipeline in the baseline and the candidate (or takes the baseline's
 * outputs from a stored reference) and compares every declared output. Stages of one side share
 * one work folder, so a stage sees the outputs of the stages before it.
 */
public final class RegressionRunner {

  private final StageRunner stages;
  private final Events events;

  public RegressionRunner(StageRunner stages, Events events) {
    this.stages = stages;
    this.events = events;
  }

  public RegressionResult run(RegressionSpec spec, RegressionRequest request) {
    check(spec, request);
    Map<String, StageRun> baseline = Map.of();
    Path truth = request.reference();
    if (truth == null) {
      Path work = request.out().resolve("baseline/work");
      baseline = runSide("baseline", request.baseline(), spec, work, request);
      truth = work;
      if (request.recordReference() != null) {
        record(spec, work, baseline, request.recordReference());
      }
    }
    if (request.candidate() == null) {
      return recordOnly(spec, request, baseline);
    }
    Path candidateWork = request.out().resolve("candidate/work");
    Map<String, StageRun> candidate =
        runSide("candidate", request.candidate(), spec, candidateWork, request);
    Comparators comparators = new Comparators(spec.compare());
    List<StageResult> results = new ArrayList<>();
    Verdict overall = Verdict.PASS;
    for (Stage stage : spec.stages()) {
      StageResult result = judge(stage, baseline.get(stage.name()),
          candidate.get(stage.name()), truth, candidateWork, comparators,
          request.reference() != null);
      events.info("stage " + stage.name() + ": " + result.verdict().word());
      results.add(result);
      overall = overall.worst(result.verdict());
    }
    String mode = request.reference() != null ? "reference" : "images";
    return new RegressionResult(mode, request.baseline(), request.candidate(),
        request.reference() == null ? null : request.reference().toString(), results, overall);
  }

  private static void check(RegressionSpec spec, RegressionRequest request) {
    if (spec.stages().isEmpty()) {
      throw new UsageException("the plan's regression section has no stages; add at least one"
          + " under regression.stages");
    }
    if (request.reference() == null && request.baseline() == null) {
      throw new UsageException("neither a baseline image nor a reference folder was given;"
          + " pass --baseline IMAGE or --reference DIR (or set regression.reference)");
    }
    if (request.reference() != null && !Files.isDirectory(request.reference())) {
      throw new UsageException("the reference folder " + request.reference() + " does not"
          + " exist; record one with --record-reference DIR");
    }
    if (request.candidate() == null && request.recordReference() == null) {
      throw new UsageException("no candidate image to test; pass --candidate IMAGE, or"
          + " --record-reference DIR to only store the baseline's outputs");
    }
  }

  private Map<String, StageRun> runSide(String side, String image, RegressionSpec spec,
      Path work, RegressionRequest request) {
    Map<String, StageRun> runs = new LinkedHashMap<>();
    Path logs = request.out().resolve(side + "/logs");
    clean(work);
    int i = 0;
    for (Stage stage : spec.stages()) {
      i++;
      StageRun before = stage.after() == null ? null : runs.get(stage.after());
      if (stage.after() != null && (before == null || !before.succeeded())) {
        events.warn("skipping stage " + stage.name() + " in " + image + ": stage "
            + stage.after() + " it consumes did not succeed");
        continue;
      }
      events.progress(side + " stages", i - 1, spec.stages().size());
      events.info("running stage " + stage.name() + " in " + image + " (" + i + " of "
          + spec.stages().size() + ", timeout " + stage.timeoutMillis() / 1000 + "s)");
      StageRun run = stages.run(image, stage, work, request.inputs(), logs, stage.name());
      events.info("stage " + stage.name() + " in " + image + " " + run.describe());
      runs.put(stage.name(), run);
    }
    events.progress(side + " stages", spec.stages().size(), spec.stages().size());
    return runs;
  }

  private static StageResult judge(Stage stage, StageRun baseline, StageRun candidate,
      Path truth, Path candidateWork, Comparators comparators, boolean reference) {
    List<String> problems = new ArrayList<>();
    if (!reference && (baseline == null || !baseline.succeeded())) {
      problems.add(baseline == null ? "did not run in the baseline: the stage it consumes"
          + " failed" : "baseline " + baseline.describe() + "; see " + baseline.stderr());
      // nothing trustworthy to compare with
      return new StageResult(stage.name(), baseline, candidate, List.of(), problems,
          Verdict.FAIL);
    }
    if (candidate == null) {
      problems.add("did not run in the candidate: the stage it consumes failed");
    } else if (!candidate.succeeded()) {
      problems.add("candidate " + candidate.describe() + "; see " + candidate.stderr());
    }
    List<Outcome> outputs = new ArrayList<>();
    Verdict verdict = problems.isEmpty() ? Verdict.PASS : Verdict.FAIL;
    for (String output : stage.outputs()) {
      Outcome outcome = comparators.comparePaths(output, truth.resolve(output),
          candidateWork.resolve(output));
      outputs.add(outcome);
      verdict = verdict.worst(outcome.verdict());
    }
    return new StageResult(stage.name(), baseline, candidate, outputs, problems, verdict);
  }

  private RegressionResult recordOnly(RegressionSpec spec, RegressionRequest request,
      Map<String, StageRun> baseline) {
    List<StageResult> results = new ArrayList<>();
    Verdict overall = Verdict.PASS;
    for (Stage stage : spec.stages()) {
      StageRun run = baseline.get(stage.name());
      boolean ok = run != null && run.succeeded();
      List<String> problems = ok ? List.of() : List.of(run == null
          ? "did not run: the stage it consumes failed" : "baseline " + run.describe());
      Verdict verdict = ok ? Verdict.PASS : Verdict.FAIL;
      results.add(new StageResult(stage.name(), run, null, List.of(), problems, verdict));
      overall = overall.worst(verdict);
    }
    return new RegressionResult("record", request.baseline(), null,
        request.recordReference().toString(), results, overall);
  }

  private void record(RegressionSpec spec, Path work, Map<String, StageRun> runs, Path target) {
    for (Stage stage : spec.stages()) {
      StageRun run = runs.get(stage.name());
      if (run == null || !run.succeeded()) {
        events.warn("not recording the outputs of stage " + stage.name() + ": it did not"
            + " succeed in the baseline");
        continue;
      }
      for (String output : stage.outputs()) {
        copy(work.resolve(output), target.resolve(output));
      }
    }
    events.info("recorded the baseline's outputs as reference in " + target);
  }

  private static void copy(Path from, Path to) {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to the reference " + to, e);
    }
  }

  /** A work folder left by an earlier run would let a broken stage pass on stale outputs. */
  private static void clean(Path work) {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(work)) {
      List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the work folder " + work + "; remove it by"
          + " hand", e);
    }
  }
}
