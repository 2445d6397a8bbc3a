package dev.slimgate.report;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import java.util.List;

/**
 * Everything one phase run found: the content of report.json (schema {@value #SCHEMA}), and
 * the single source of report.md and the JUnit files.
 *
 * @param commit the commit of the image repository under test ("unknown" outside Git)
 */
public record RunReport(
    String schema,
    String runId,
    String commit,
    String phase,
    String phaseName,
    String plan,
    Verdict verdict,
    int exitCode,
    String startedAt,
    String finishedAt,
    ImageReport baseline,
    List<ImageReport> candidates,
    Long phaseBudget,
    List<ExpectedSaving> expectedSavings,
    List<MeasuredSaving> measuredSavings,
    List<GateResult> gates,
    List<CheckResult> checks,
    List<String> warnings) {

  public static final String SCHEMA = "slimgate.report/1";

  /** The sum of the candidates' sizes. */
  public long candidateBytes() {
    return candidates.stream().mapToLong(ImageReport::bytes).sum();
  }

  /**
   * One built (or not buildable) image.
   *
   * @param budget its own budget, null when it has none
   * @param failure why it could not be built, null when it was
   */
  public record ImageReport(
      String name, String image, String id, long bytes, Long budget, List<Layer> layers,
      BuildFailure failure) {}

  /** One Dockerfile step of an image and the bytes it added. */
  public record Layer(String createdBy, long bytes) {}

  /** The failing step of a build and the tail of its output. */
  public record BuildFailure(String step, String error, List<String> tail) {}

  /** The same report with one more gate decided after the run; the verdict follows it. */
  public RunReport withGate(GateResult gate) {
    List<GateResult> all = new java.util.ArrayList<>(gates);
    all.add(gate);
    Verdict v = Verdict.worst(all.stream().map(GateResult::verdict).toList());
    return new RunReport(schema, runId, commit, phase, phaseName, plan, v, v.exitCode(), startedAt,
        finishedAt, baseline, candidates, phaseBudget, expectedSavings, measuredSavings,
        List.copyOf(all), checks, warnings.stream()
            .filter(w -> !w.startsWith("gate '" + gate.gate() + "'")).toList());
  }

  /** The same report with more warnings (chat or forge trouble found after the run). */
  public RunReport withWarnings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new RunReport(schema, runId, commit, phase, phaseName, plan, verdict, exitCode,
        startedAt,
        finishedAt, baseline, candidates, phaseBudget, expectedSavings, measuredSavings, gates,
        checks, List.copyOf(all));
  }

  /**
   * Bytes one part of the image lost from baseline to candidate, as measured.
   *
   * @param label what went, e.g. "component ants" or "package torchvision"
   */
  public record MeasuredSaving(String label, long bytes) {}

  /**
   * What the plan expects a change of this phase to save, and what was measured.
   *
   * @param measured the named component's shrinkage; null when not measured
   */
  public record ExpectedSaving(String change, String component, long bytes, Long measured) {}
}
