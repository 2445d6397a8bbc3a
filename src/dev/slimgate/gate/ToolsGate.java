package dev.slimgate.gate;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails when a check failed. A check that timed out leaves the gate inconclusive: a slow
 * machine and a hanging tool look alike, so a person decides.
 */
public final class ToolsGate {

  public GateResult evaluate(List<CheckResult> checks) {
    List<String> failed = new ArrayList<>();
    List<String> timedOut = new ArrayList<>();
    for (CheckResult c : checks) {
      String line = c.candidate() + ": " + c.name() + ": expected " + c.expected() + "; got "
          + c.actual();
      if (c.status() == Status.FAIL) {
        failed.add(line);
      } else if (c.status() == Status.TIMEOUT) {
        timedOut.add(line);
      }
    }
    if (!failed.isEmpty()) {
      failed.addAll(timedOut);
      return new GateResult("tools", Verdict.FAIL, failed);
    }
    if (!timedOut.isEmpty()) {
      return new GateResult("tools", Verdict.INCONCLUSIVE, timedOut);
    }
    return new GateResult("tools", Verdict.PASS,
        List.of(checks.size() + " checks passed"));
  }
}
