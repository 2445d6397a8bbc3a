package dev.slimgate.report;

import static dev.slimgate.plan.Units.formatSize;

import dev.slimgate.checks.CheckResult;
import dev.slimgate.checks.CheckResult.Status;
import dev.slimgate.gate.GateResult;
import dev.slimgate.gate.Verdict;
import dev.slimgate.report.RunReport.ImageReport;
import dev.slimgate.report.RunReport.Layer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** report.md: what a person or a merge request reads. */
public final class MarkdownReport {

  private static final int LARGEST_STEPS = 5;

  public String render(RunReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# slimgate: phase ").append(r.phase()).append(" (").append(r.phaseName())
        .append(") ").append(badge(r.verdict())).append("\n\n");
    md.append("Run `").append(r.runId()).append("` of plan `").append(r.plan())
        .append("`, finished ").append(r.finishedAt()).append(".\n\n");
    sizes(md, r);
    gates(md, r);
    checks(md, r);
    builds(md, r);
    savings(md, r);
    if (!r.warnings().isEmpty()) {
      md.append("## Warnings\n\n");
      r.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  /** Expected against measured savings, then where the bytes went, components and packages. */
  private static void savings(StringBuilder md, RunReport r) {
    SavingsView v = SavingsView.of(r);
    if (!r.expectedSavings().isEmpty()) {
      md.append("## Expected and measured savings\n\n| change | component | expected | measured |"
          + "\n| --- | --- | ---: | ---: |\n");
      for (SavingsView.Row row : v.expected()) {
        md.append("| ").append(cell(row.label())).append(" | ").append(cell(row.component()))
            .append(" | ").append(row.expected()).append(" | ").append(row.measured())
            .append(" |\n");
      }
      md.append('\n');
    }
    if (!v.components().isEmpty()) {
      md.append("## Where the bytes went\n\n| component | saved |\n| --- | ---: |\n");
      v.components().forEach(c -> md.append("| ").append(cell(c.label())).append(" | ")
          .append(formatSize(c.bytes())).append(" |\n"));
      md.append("| outside the plan's components | ").append(formatSize(v.elsewhere()))
          .append(" |\n| **whole image** | **").append(formatSize(v.total())).append("** |\n\n");
    }
    if (!v.packages().isEmpty()) {
      md.append("Packages removed (their bytes are part of the rows above):\n\n"
          + "| package | installed size |\n| --- | ---: |\n");
      v.packages().forEach(p -> md.append("| ").append(cell(p.label())).append(" | ")
          .append(formatSize(p.bytes())).append(" |\n"));
      md.append('\n');
    }
  }

  private static void sizes(StringBuilder md, RunReport r) {
    md.append("## Sizes\n\n| image | tag | size | budget | change from baseline |\n"
        + "| --- | --- | ---: | ---: | ---: |\n");
    ImageReport b = r.baseline();
    md.append("| baseline | `").append(b.image()).append("` | ").append(size(b)).append(" | | |\n");
    for (ImageReport c : r.candidates()) {
      md.append("| ").append(c.name()).append(" | `").append(c.image()).append("` | ")
          .append(size(c)).append(" | ")
          .append(c.budget() == null ? "" : formatSize(c.budget())).append(" | ")
          .append(c.failure() != null || b.failure() != null ? "" : delta(c.bytes(), b.bytes()))
          .append(" |\n");
    }
    if (r.candidates().size() > 1) {
      md.append("| **all candidates** | | ").append(formatSize(r.candidateBytes())).append(" | ")
          .append(r.phaseBudget() == null ? "" : formatSize(r.phaseBudget())).append(" | ")
          .append(delta(r.candidateBytes(), b.bytes())).append(" |\n");
    } else if (r.phaseBudget() != null) {
      md.append("\nPhase budget: ").append(formatSize(r.phaseBudget())).append(".\n");
    }
    md.append('\n');
  }

  private static void gates(StringBuilder md, RunReport r) {
    md.append("## Gates\n\n| gate | verdict | why |\n| --- | --- | --- |\n");
    for (GateResult g : r.gates()) {
      md.append("| ").append(g.gate()).append(" | ").append(badge(g.verdict())).append(" | ")
          .append(cell(String.join("; ", g.reasons()))).append(" |\n");
    }
    md.append('\n');
  }

  private static void checks(StringBuilder md, RunReport r) {
    if (r.checks().isEmpty()) {
      return;
    }
    long passed = r.checks().stream().filter(c -> c.status() == Status.PASS).count();
    md.append("## Tool checks (").append(passed).append(" of ").append(r.checks().size())
        .append(" passed)\n\n| candidate | component | check | result | expected | actual |\n"
            + "| --- | --- | --- | --- | --- | --- |\n");
    List<CheckResult> ordered = r.checks().stream()
        .sorted(Comparator.comparing((CheckResult c) -> c.status() == Status.PASS)).toList();
    for (CheckResult c : ordered) {
      md.append("| ").append(c.candidate()).append(" | ").append(c.component()).append(" | ")
          .append(c.kind()).append(" `").append(cell(c.subject())).append("` | ")
          .append(c.status().name().toLowerCase(Locale.ROOT)).append(" | ")
          .append(cell(c.expected())).append(" | ").append(cell(c.actual())).append(" |\n");
    }
    md.append('\n');
  }

  private static void builds(StringBuilder md, RunReport r) {
    md.append("## Largest Dockerfile steps\n\n");
    for (ImageReport image : concat(r.baseline(), r.candidates())) {
      if (image.failure() != null) {
        md.append("### ").append(image.image()).append(": the build failed\n\n")
            .append("Failing step: `").append(image.failure().step() == null ? "unknown"
                : image.failure().step()).append("`\n\n").append(image.failure().error())
            .append("\n\n```\n").append(String.join("\n", image.failure().tail()))
            .append("\n```\n\n");
        continue;
      }
      md.append("### ").append(image.image()).append(" (").append(image.layers().size())
          .append(" steps)\n\n| step | size |\n| --- | ---: |\n");
      image.layers().stream().sorted(Comparator.comparingLong(Layer::bytes).reversed())
          .limit(LARGEST_STEPS)
          .forEach(l -> md.append("| `").append(cell(abbreviate(l.createdBy()))).append("` | ")
              .append(formatSize(l.bytes())).append(" |\n"));
      md.append('\n');
    }
  }

  private static List<ImageReport> concat(ImageReport first, List<ImageReport> rest) {
    List<ImageReport> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static String size(ImageReport image) {
    return image.failure() != null ? "build failed" : formatSize(image.bytes());
  }

  private static String delta(long candidate, long baseline) {
    long d = candidate - baseline;
    String pct = baseline == 0 ? ""
        : String.format(Locale.ROOT, " (%+.1f%%)", 100.0 * d / baseline);
    return (d > 0 ? "+" : "") + formatSize(d) + pct;
  }

  static String badge(Verdict v) {
    return switch (v) {
      case PASS -> "**PASS**";
      case FAIL -> "**FAIL**";
      case INCONCLUSIVE -> "**INCONCLUSIVE** (needs a person)";
    };
  }

  private static String abbreviate(String text) {
    String one = text.replace('\n', ' ');
    return one.length() > 90 ? one.substring(0, 87) + "..." : one;
  }

  /** Keeps a table cell on one line and its pipes from splitting it. */
  static String cell(String text) {
    return text.replace("\n", " ").replace("|", "\\|");
  }
}
