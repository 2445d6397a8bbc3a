package dev.slimgate.cli;

import static dev.slimgate.plan.Units.formatSize;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import dev.slimgate.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The closing lines of a run on the console. */
final class Summary {

  private Summary() {}

  static void print(RunReport r, Path folder, PrintWriter out) {
    out.println();
    long base = r.baseline().bytes();
    long cand = r.candidateBytes();
    boolean built = r.baseline().failure() == null
        && r.candidates().stream().allMatch(c -> c.failure() == null);
    if (built) {
      String candidates = r.candidates().size() == 1 ? "candidate"
          : r.candidates().size() + " candidates";
      out.println("size: baseline " + formatSize(base) + " -> " + candidates + " "
          + formatSize(cand)
          + " (" + formatSize(cand - base) + ")"
          + (r.phaseBudget() == null ? "" : ", budget " + formatSize(r.phaseBudget())));
    }
    for (GateResult g : r.gates()) {
      out.println("gate " + g.gate() + ": " + g.verdict().label());
      if (g.verdict() != Verdict.PASS) {
        g.reasons().forEach(reason -> out.println("  - " + reason));
      }
    }
    long failed = r.checks().stream().filter(c -> c.status() != CheckResult.Status.PASS).count();
    if (!r.checks().isEmpty()) {
      out.println("checks: " + (r.checks().size() - failed) + " passed, " + failed + " failed");
    }
    r.warnings().forEach(w -> out.println("WARNING: " + w));
    out.println("verdict: " + r.verdict().label().toUpperCase(java.util.Locale.ROOT)
        + " (run folder: " + folder + ")");
    out.flush();
  }
}
