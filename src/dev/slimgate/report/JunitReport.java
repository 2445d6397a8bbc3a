package dev.slimgate.report;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import java.util.List;
import java.util.Locale;

/** The checks and gates as JUnit XML, which Jenkins shows in its Tests tab. */
public final class JunitReport {

  public String render(RunReport report) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    List<CheckResult> checks = report.checks();
    long failures = checks.stream().filter(c -> c.status() == Status.FAIL).count()
        + report.gates().stream().filter(g -> g.verdict() == Verdict.FAIL).count();
    long errors = checks.stream().filter(c -> c.status() == Status.TIMEOUT).count();
    int tests = checks.size() + report.gates().size();
    xml.append("<testsuites name=\"slimgate phase ").append(esc(report.phase()))
        .append("\" tests=\"").append(tests).append("\" failures=\"").append(failures)
        .append("\" errors=\"").append(errors).append("\">\n");
    xml.append("  <testsuite name=\"slimgate.gates.phase-")
        .append(esc(report.phase().toLowerCase(Locale.ROOT))).append("\" tests=\"")
        .append(report.gates().size()).append("\">\n");
    for (GateResult gate : report.gates()) {
      xml.append("    <testcase classname=\"gates\" name=\"").append(esc(gate.gate()))
          .append("\">");
      String reasons = String.join("\n", gate.reasons());
      if (gate.verdict() == Verdict.FAIL) {
        xml.append("\n      <failure message=\"").append(esc(first(gate.reasons())))
            .append("\">").append(esc(reasons)).append("</failure>\n    ");
      } else if (gate.verdict() == Verdict.INCONCLUSIVE) {
        xml.append("\n      <error type=\"inconclusive\" message=\"")
            .append(esc(first(gate.reasons()))).append("\">").append(esc(reasons))
            .append("</error>\n    ");
      }
      xml.append("</testcase>\n");
    }
    xml.append("  </testsuite>\n");
    for (String candidate : checks.stream().map(CheckResult::candidate).distinct().toList()) {
      List<CheckResult> mine = checks.stream().filter(c -> c.candidate().equals(candidate))
          .toList();
      xml.append("  <testsuite name=\"slimgate.checks.").append(esc(candidate))
          .append("\" tests=\"").append(mine.size()).append("\">\n");
      for (CheckResult c : mine) {
        xml.append("    <testcase classname=\"").append(esc(candidate + "." + c.component()))
            .append("\" name=\"").append(esc(c.kind() + " " + c.subject()))
            .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", c.millis() / 1000.0))
            .append("\">");
        String detail = "expected: " + c.expected() + "\nactual: " + c.actual()
            + (c.output().isEmpty() ? "" : "\noutput:\n" + c.output());
        if (c.status() == Status.FAIL) {
          xml.append("\n      <failure message=\"").append(esc(c.actual())).append("\">")
              .append(esc(detail)).append("</failure>\n    ");
        } else if (c.status() == Status.TIMEOUT) {
          xml.append("\n      <error type=\"timeout\" message=\"").append(esc(c.actual()))
              .append("\">").append(esc(detail)).append("</error>\n    ");
        }
        xml.append("</testcase>\n");
      }
      xml.append("  </testsuite>\n");
    }
    return xml.append("</testsuites>\n").toString();
  }

  private static String first(List<String> lines) {
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** XML text and attribute escaping; drops characters XML 1.0 cannot hold. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
            out.append(ch);
          }
        }
      }
    }
    return out.toString();
  }
}
