package dev.slimgate.report;

import static dev.slimgate.plan.Units.formatSize;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import dev.slimgate.gate.GateResult;
import dev.slimgate.report.RunReport.ImageReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** report.html: the report as one self-contained page, for Jenkins' HTML publisher. */
public final class HtmlReport {

  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:72em}"
      + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
      + "text-align:left;vertical-align:top}td.n{text-align:right}.pass{color:#176f2c}"
      + ".fail{color:#b00020}.inconclusive,.timeout{color:#9a6700}pre{background:#f6f8fa;"
      + "padding:1em;overflow:auto}";

  public String render(RunReport r) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>slimgate phase ").append(esc(r.phase()))
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    h.append("<h1>slimgate: phase ").append(esc(r.phase())).append(" (")
        .append(esc(r.phaseName())).append(") ").append(verdict(r.verdict().label()))
        .append("</h1>\n<p>Run <code>").append(esc(r.runId())).append("</code> of plan <code>")
        .append(esc(r.plan())).append("</code>, finished ").append(esc(r.finishedAt()))
        .append(".</p>\n");
    h.append("<h2>Sizes</h2>\n<table><tr><th>image</th><th>tag</th><th>size</th><th>budget</th>"
        + "<th>change from baseline</th></tr>\n");
    List<ImageReport> all = new ArrayList<>();
    all.add(r.baseline());
    all.addAll(r.candidates());
    for (ImageReport i : all) {
      h.append("<tr><td>").append(esc(i == r.baseline() ? "baseline" : i.name()))
          .append("</td><td><code>").append(esc(i.image())).append("</code></td><td class=\"n\">")
          .append(i.failure() != null ? "build failed" : formatSize(i.bytes()))
          .append("</td><td class=\"n\">").append(i.budget() == null ? "" : formatSize(i.budget()))
          .append("</td><td class=\"n\">").append(i == r.baseline() || i.failure() != null
              || r.baseline().failure() != null ? "" : formatSize(i.bytes() - r.baseline().bytes()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (r.phaseBudget() != null) {
      h.append("<p>Phase budget: ").append(formatSize(r.phaseBudget())).append(".</p>\n");
    }
    h.append("<h2>Gates</h2>\n<table><tr><th>gate</th><th>verdict</th><th>why</th></tr>\n");
    for (GateResult g : r.gates()) {
      h.append("<tr><td>").append(esc(g.gate())).append("</td><td>")
          .append(verdict(g.verdict().label())).append("</td><td>")
          .append(esc(String.join("; ", g.reasons()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
    SavingsView v = SavingsView.of(r);
    if (!v.expected().isEmpty()) {
      h.append("<h2>Expected and measured savings</h2>\n<table><tr><th>change</th>"
          + "<th>component</th><th>expected</th><th>measured</th></tr>\n");
      v.expected().forEach(row -> h.append("<tr><td>").append(esc(row.label()))
          .append("</td><td>").append(esc(row.component())).append("</td><td class=\"n\">")
          .append(row.expected()).append("</td><td class=\"n\">").append(esc(row.measured()))
          .append("</td></tr>\n"));
      h.append("</table>\n");
    }
    if (!v.components().isEmpty()) {
      h.append("<h2>Where the bytes went</h2>\n<table><tr><th>component</th><th>saved</th>"
          + "</tr>\n");
      v.components().forEach(c -> h.append("<tr><td>").append(esc(c.label()))
          .append("</td><td class=\"n\">").append(formatSize(c.bytes())).append("</td></tr>\n"));
      h.append("<tr><td>outside the plan's components</td><td class=\"n\">")
          .append(formatSize(v.elsewhere())).append("</td></tr>\n<tr><th>whole image</th>"
              + "<th class=\"n\">").append(formatSize(v.total())).append("</th></tr>\n</table>\n");
    }
    if (!v.packages().isEmpty()) {
      h.append("<p>Packages removed (their bytes are part of the rows above):</p>\n<table>"
          + "<tr><th>package</th><th>installed size</th></tr>\n");
      v.packages().forEach(p -> h.append("<tr><td>").append(esc(p.label()))
          .append("</td><td class=\"n\">").append(formatSize(p.bytes())).append("</td></tr>\n"));
      h.append("</table>\n");
    }
    if (!r.checks().isEmpty()) {
      h.append("<h2>Tool checks</h2>\n<table><tr><th>candidate</th><th>component</th>"
          + "<th>check</th><th>result</th><th>expected</th><th>actual</th></tr>\n");
      r.checks().stream()
          .sorted(Comparator.comparing((CheckResult c) -> c.status() == Status.PASS))
          .forEach(c -> h.append("<tr><td>").append(esc(c.candidate())).append("</td><td>")
              .append(esc(c.component())).append("</td><td>").append(esc(c.kind()))
              .append(" <code>").append(esc(c.subject())).append("</code></td><td>")
              .append(verdict(c.status().name().toLowerCase(Locale.ROOT))).append("</td><td>")
              .append(esc(c.expected())).append("</td><td>").append(esc(c.actual()))
              .append("</td></tr>\n"));
      h.append("</table>\n");
    }
    for (ImageReport i : all) {
      if (i.failure() != null) {
        h.append("<h2>").append(esc(i.image())).append(": the build failed</h2>\n<p>")
            .append(esc(String.valueOf(i.failure().step()))).append("</p><pre>")
            .append(esc(String.join("\n", i.failure().tail()))).append("</pre>\n");
      }
    }
    if (!r.warnings().isEmpty()) {
      h.append("<h2>Warnings</h2>\n<ul>");
      r.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
      h.append("</ul>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String verdict(String label) {
    return "<strong class=\"" + label + "\">" + label.toUpperCase(Locale.ROOT) + "</strong>";
  }

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("\"", "&quot;");
  }
}
