package dev.slimgate.checks;

import dev.slimgate.checks.CheckResult.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate keeps the baseline's environment: every variable still set, and every PATH
 * directory still listed unless the plan removes that directory. Minifiers that rebuild an
 * image have shipped it without PATH or FREESURFER_HOME; the tools then fail only in the field.
 */
public final class EnvironmentCheck {

  static final String COMPONENT = "environment";

  /**
   * @param removed paths the plan expects gone by this phase: PATH entries under them may go
   */
  public List<CheckResult> check(String candidate, List<String> baselineEnv,
      List<String> candidateEnv, List<String> removed) {
    Map<String, String> before = parse(baselineEnv);
    Map<String, String> after = parse(candidateEnv);
    List<CheckResult> failures = new ArrayList<>();
    before.forEach((name, value) -> {
      if (!after.containsKey(name)) {
        failures.add(result(candidate, name, Status.FAIL, name + " is set (baseline: " + value
            + ")", name + " is not set in the candidate's image"));
      }
    });
    if (before.containsKey("PATH") && after.containsKey("PATH")) {
      List<String> kept = Arrays.asList(after.get("PATH").split(":"));
      for (String dir : before.get("PATH").split(":")) {
        boolean expectedGone = removed.stream()
            .anyMatch(r -> dir.equals(r) || dir.startsWith(r.endsWith("/") ? r : r + "/"));
        if (!dir.isEmpty() && !kept.contains(dir) && !expectedGone) {
          failures.add(result(candidate, "PATH", Status.FAIL, "PATH keeps " + dir,
              "PATH lost " + dir + " (candidate: " + after.get("PATH") + ")"));
        }
      }
    }
    if (!failures.isEmpty()) {
      return failures;
    }
    return List.of(result(candidate, "variables", Status.PASS, "the baseline's "
        + before.size() + " variables are set and PATH keeps its directories", "kept"));
  }

  private static CheckResult result(String candidate, String subject, Status status,
      String expected, String actual) {
    return new CheckResult(candidate, COMPONENT, "env", subject, status, expected, actual, "", 0);
  }

  private static Map<String, String> parse(List<String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : env) {
      int eq = entry.indexOf('=');
      out.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    return out;
  }
}
