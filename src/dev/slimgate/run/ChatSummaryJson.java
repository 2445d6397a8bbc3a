package dev.slimgate.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.checks.CheckResult;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import dev.slimgate.report.RunReport;
import java.util.Comparator;

/**
 * The run's chat summary in the JSON form {@code slimgate notify} reads (docs/chat.md), so a
 * Jenkins step and {@code slimgate run --notify} tell chat exactly the same.
 */
public final class ChatSummaryJson {

  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param commit the commit under test; a rerun for the same commit replies in the same thread
   * @param buildUrl the CI build, null from a terminal
   * @param mergeRequestUrl the merge request, null when none was opened
   */
  public ObjectNode from(RunReport report, String commit, String buildUrl, String reportUrl,
      String mergeRequestUrl) {
    ObjectNode root = json.createObjectNode();
    root.put("phase_id", report.phase());
    root.put("phase_name", report.phaseName());
    root.put("commit", commit);
    root.put("stage", "run");
    root.put("verdict", report.verdict().label());
    root.put("baseline_bytes", report.baseline().bytes());
    root.put("candidate_bytes", report.candidateBytes());
    root.put("budget_bytes", report.phaseBudget() == null ? 0 : report.phaseBudget());
    ArrayNode savings = root.putArray("savings");
    // components only: packages are part of them and would count twice
    report.measuredSavings().stream().filter(s -> s.label().startsWith("component "))
        .sorted(Comparator.comparingLong(RunReport.MeasuredSaving::bytes).reversed())
        .forEach(s -> savings.addObject().put("label", s.label().substring("component ".length()))
            .put("bytes", s.bytes()));
    ArrayNode failing = root.putArray("failing_checks");
    for (CheckResult c : report.checks()) {
      if (c.status() != CheckResult.Status.PASS) {
        failing.addObject().put("name", c.candidate() + ": " + c.name())
            .put("message", "expected " + c.expected() + "; got " + c.actual());
      }
    }
    for (GateResult g : report.gates()) {
      if (g.verdict() == Verdict.FAIL && !g.gate().equals("tools")) {
        failing.addObject().put("name", "gate " + g.gate())
            .put("message", String.join("; ", g.reasons()));
      }
    }
    ArrayNode details = root.putArray("details");
    for (GateResult g : report.gates()) {
      details.add("gate " + g.gate() + ": " + g.verdict().label() + " - "
          + String.join("; ", g.reasons()));
    }
    report.warnings().forEach(w -> details.add("warning: " + w));
    ObjectNode links = root.putObject("links");
    putIfSet(links, "build", buildUrl);
    putIfSet(links, "report", reportUrl);
    putIfSet(links, "merge_request", mergeRequestUrl);
    return root;
  }

  private static void putIfSet(ObjectNode node, String key, String value) {
    if (value != null && !value.isBlank()) {
      node.put(key, value);
    }
  }
}
