package dev.slimgate.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.regression.compare.Difference;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link RegressionResult} as the report.md section, JUnit XML (a test suite per
 * stage, a test case per output) and regression.json. Pure: text in, text out, except
 * {@link #write} which puts the three files in a folder.
 */
public final class RegressionReport {

  /** Differences listed in the markdown section before the rest is cut, for readability. */
  private static final int MAX_LISTED = 20;

  private RegressionReport() {}

  /** Writes regression.json, junit/regression.xml, regression.md and report.html into {@code folder}. */
  public static void write(RegressionResult result, Path folder) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("regression.json"), json(result));
      // junit/ like every run folder, where the Jenkins steps collect test results
      Files.createDirectories(folder.resolve("junit"));
      Files.writeString(folder.resolve("junit/regression.xml"), junit(result));
      Files.writeString(folder.resolve("regression.md"), markdown(result));
      Files.writeString(folder.resolve("report.html"), html(result));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the regression report to " + folder, e);
    }
  }

  /** report.html for Jenkins' HTML publisher: the markdown section on one plain page. */
  public static String html(RegressionResult result) {
    String text = markdown(result).replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;");
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>slimgate regression</title></head><body><pre>" + text
        + "</pre></body></html>\n";
  }

  /** The "## Regression" section of report.md. */
  public static String markdown(RegressionResult result) {
    StringBuilder md = new StringBuilder("## Regression\n\n");
    md.append("**Verdict: ").append(result.verdict().word()).append("** — ")
        .append(subject(result)).append(".\n\n");
    md.append("| Stage | Verdict | Baseline | Candidate | Outputs |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    for (StageResult stage : result.stages()) {
      long bad = stage.outputs().stream().filter(o -> o.verdict() != Verdict.PASS).count();
      md.append("| ").append(cell(stage.name()))
          .append(" | ").append(stage.verdict().word())
          .append(" | ").append(cell(run(stage.baseline(), result.mode().equals("reference")
              ? "stored reference" : "did not run")))
          .append(" | ").append(cell(run(stage.candidate(), result.mode().equals("record")
              ? "not run (recording)" : "did not run")))
          .append(" | ").append(stage.outputs().isEmpty() ? "none compared"
              : bad == 0 ? "all " + stage.outputs().size() + " same"
              : bad + " of " + stage.outputs().size() + " differ")
          .append(" |\n");
    }
    List<String> failures = new ArrayList<>();
    List<String> reviews = new ArrayList<>();
    for (StageResult stage : result.stages()) {
      for (String problem : stage.problems()) {
        failures.add("- stage **" + stage.name() + "**: " + problem);
      }
      for (Outcome outcome : stage.outputs()) {
        if (outcome.verdict() == Verdict.FAIL) {
          failures.add("- **" + outcome.name() + "** (" + outcome.comparator() + "): "
              + detail(outcome));
        } else if (outcome.verdict() == Verdict.INCONCLUSIVE) {
          reviews.add("- **" + outcome.name() + "** (" + outcome.comparator() + "): "
              + detail(outcome));
        }
      }
    }
    list(md, "Failures", failures);
    list(md, "Needs review", reviews);
    return md.toString();
  }

  /** JUnit XML: a testsuite per stage, a testcase per output plus one for the stage's run. */
  public static String junit(RegressionResult result) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int tests = 0;
    int failures = 0;
    for (StageResult stage : result.stages()) {
      tests += stage.outputs().size() + 1;
      failures += (int) stage.outputs().stream().filter(o -> o.verdict() == Verdict.FAIL)
          .count() + (stage.problems().isEmpty() ? 0 : 1);
    }
    xml.append("<testsuites name=\"regression\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures).append("\">\n");
    for (StageResult stage : result.stages()) {
      String suite = "regression." + stage.name();
      long fails = stage.outputs().stream().filter(o -> o.verdict() == Verdict.FAIL).count()
          + (stage.problems().isEmpty() ? 0 : 1);
      long skipped = stage.outputs().stream()
          .filter(o -> o.verdict() == Verdict.INCONCLUSIVE).count();
      xml.append("  <testsuite name=\"").append(attr(suite)).append("\" tests=\"")
          .append(stage.outputs().size() + 1).append("\" failures=\"").append(fails)
          .append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"")
          .append(seconds(stage)).append("\">\n");
      xml.append("    <testcase classname=\"").append(attr(suite))
          .append("\" name=\"stage runs\" time=\"").append(seconds(stage)).append("\">");
      if (!stage.problems().isEmpty()) {
        String text = String.join("\n", stage.problems());
        xml.append("\n      <failure message=\"").append(attr(stage.problems().get(0)))
            .append("\" type=\"stage\">").append(attr(text)).append("</failure>\n    ");
      }
      xml.append("</testcase>\n");
      for (Outcome outcome : stage.outputs()) {
        xml.append("    <testcase classname=\"").append(attr(suite)).append("\" name=\"")
            .append(attr(outcome.name())).append("\" time=\"0\">");
        if (outcome.verdict() == Verdict.FAIL) {
          xml.append("\n      <failure message=\"").append(attr(detail(outcome)))
              .append("\" type=\"").append(attr(outcome.comparator())).append("\">")
              .append(attr(lines(outcome, ""))).append("</failure>\n    ");
        } else if (outcome.verdict() == Verdict.INCONCLUSIVE) {
          // JUnit has no "needs review": skipped keeps it out of both pass and fail
          xml.append("\n      <skipped message=\"needs review: ")
              .append(attr(detail(outcome))).append("\"/>\n    ");
        }
        xml.append("</testcase>\n");
      }
      xml.append("  </testsuite>\n");
    }
    return xml.append("</testsuites>\n").toString();
  }

  /** regression.json: the whole result, stable field names, paths as plain strings. */
  public static String json(RegressionResult result) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("verdict", result.verdict().word());
    root.put("mode", result.mode());
    root.put("baseline", result.baseline());
    root.put("candidate", result.candidate());
    root.put("reference", result.reference());
    ArrayNode stages = root.putArray("stages");
    for (StageResult stage : result.stages()) {
      ObjectNode s = stages.addObject();
      s.put("name", stage.name());
      s.put("verdict", stage.verdict().word());
      run(s, "baseline", stage.baseline());
      run(s, "candidate", stage.candidate());
      ArrayNode problems = s.putArray("problems");
      stage.problems().forEach(problems::add);
      ArrayNode outputs = s.putArray("outputs");
      stage.outputs().forEach(o -> outcome(outputs.addObject(), o));
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render regression.json", e);
    }
  }

  private static void run(ObjectNode parent, String key, StageRun run) {
    if (run == null) {
      parent.putNull(key);
      return;
    }
    ObjectNode r = parent.putObject(key);
    r.put("image", run.image());
    r.put("exitCode", run.exitCode());
    r.put("timedOut", run.timedOut());
    r.put("millis", run.millis());
    r.put("stdout", run.stdout().toString());
    r.put("stderr", run.stderr().toString());
    r.put("error", run.error());
  }

  private static void outcome(ObjectNode o, Outcome outcome) {
    o.put("name", outcome.name());
    o.put("comparator", outcome.comparator());
    o.put("verdict", outcome.verdict().word());
    o.put("summary", outcome.summary());
    o.put("differing", outcome.differing());
    difference(o, "first", outcome.first());
    difference(o, "largest", outcome.largest());
    if (!outcome.parts().isEmpty()) {
      ArrayNode parts = o.putArray("parts");
      outcome.parts().forEach(p -> outcome(parts.addObject(), p));
    }
  }

  private static void difference(ObjectNode parent, String key, Difference d) {
    if (d == null) {
      parent.putNull(key);
      return;
    }
    ObjectNode o = parent.putObject(key);
    o.put("place", d.place());
    o.put("baseline", d.baseline());
    o.put("candidate", d.candidate());
    if (Double.isNaN(d.error())) {
      o.putNull("error");
    } else {
      o.put("error", d.error());
    }
  }

  private static String subject(RegressionResult result) {
    switch (result.mode()) {
      case "reference":
        return "candidate `" + result.candidate() + "` against the stored reference `"
            + result.reference() + "`";
      case "record":
        return "baseline `" + result.baseline() + "` recorded as reference `"
            + result.reference() + "`";
      default:
        return "candidate `" + result.candidate() + "` against baseline `" + result.baseline()
            + "`";
    }
  }

  private static String detail(Outcome outcome) {
    String text = outcome.summary();
    if (outcome.first() != null) {
      text += "; first difference at " + outcome.first().describe();
    }
    return text;
  }

  /** The outcome and its differing parts, one per line, for a JUnit failure body. */
  private static String lines(Outcome outcome, String indent) {
    StringBuilder text = new StringBuilder(indent).append(outcome.describe()).append('\n');
    int listed = 0;
    for (Outcome part : outcome.parts()) {
      if (part.verdict() != Verdict.PASS && listed++ < MAX_LISTED) {
        text.append(lines(part, indent + "  "));
      }
    }
    return text.toString();
  }

  private static void list(StringBuilder md, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    md.append("\n### ").append(title).append("\n\n");
    items.stream().limit(MAX_LISTED).forEach(i -> md.append(i).append('\n'));
    if (items.size() > MAX_LISTED) {
      md.append("- and ").append(items.size() - MAX_LISTED).append(" more in regression.json\n");
    }
  }

  private static String run(StageRun run, String absent) {
    return run == null ? absent : run.describe();
  }

  private static String seconds(StageResult stage) {
    long millis = stage.candidate() == null ? 0 : stage.candidate().millis();
    return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String attr(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\n': out.append("&#10;"); break;
        default:
          // XML 1.0 forbids most control characters even when escaped
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
      }
    }
    return out.toString();
  }
}
