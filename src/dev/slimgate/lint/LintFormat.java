package dev.slimgate.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The output formats of {@code slimgate lint}; each renders a whole report as text. */
public enum LintFormat {
  /** {@code file:line: ID [level] message Fix: ...}, one finding a line, then a summary. */
  TEXT,
  /** slimgate's own JSON: files, summary and every finding, suppressed ones flagged. */
  JSON,
  /** SARIF 2.1.0 for Jenkins Warnings NG and GitHub code scanning. */
  SARIF,
  /** GitLab code-quality report (a JSON array of issues). */
  GITLAB;

  private static final String TOOL = "slimgate-lint";
  private static final String VERSION = "0.1.0";

  /** Parses a format name as given on the command line. */
  public static LintFormat of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Renders the report; JSON formats end with a newline. */
  public String render(LintReport report) {
    return switch (this) {
      case TEXT -> text(report);
      case JSON -> write(json(report));
      case SARIF -> write(sarif(report));
      case GITLAB -> write(gitlab(report));
    };
  }

  private static String text(LintReport report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.active()) {
      out.append(f.path()).append(':').append(f.span().startLine()).append(": ")
          .append(f.ruleId()).append(" [").append(f.level().label()).append("] ")
          .append(f.message()).append(". Fix: ").append(f.fix()).append('.');
      f.bytes().ifPresent(b -> out.append(" (").append(Sizes.format(b)).append(" at stake)"));
      out.append('\n');
    }
    long suppressed = report.findings().size() - report.active().size();
    out.append(report.count(Level.ERROR)).append(" errors, ")
        .append(report.count(Level.WARNING)).append(" warnings, ")
        .append(report.count(Level.NOTE)).append(" notes in ")
        .append(report.files().size()).append(report.files().size() == 1 ? " file" : " files");
    if (suppressed > 0) {
      out.append(" (").append(suppressed).append(" suppressed)");
    }
    return out.append('\n').toString();
  }

  private static ObjectNode json(LintReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("tool", TOOL);
    root.put("version", VERSION);
    ArrayNode files = root.putArray("files");
    report.files().forEach(files::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("failed", report.failed());
    summary.put("errors", report.count(Level.ERROR));
    summary.put("warnings", report.count(Level.WARNING));
    summary.put("notes", report.count(Level.NOTE));
    summary.put("suppressed", report.findings().size() - report.active().size());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode n = findings.addObject();
      n.put("rule", f.ruleId());
      n.put("level", f.level().label());
      n.put("file", f.path());
      n.put("startLine", f.span().startLine());
      n.put("endLine", f.span().endLine());
      n.put("message", f.message());
      n.put("fix", f.fix());
      if (f.bytes().isPresent()) {
        n.put("bytes", f.bytes().getAsLong());
      } else {
        n.putNull("bytes");
      }
      n.put("fingerprint", f.fingerprint());
      n.put("suppressed", f.suppressed());
      f.suppression().ifPresent(s -> n.put("justification", s));
    }
    return root;
  }

  private static ObjectNode sarif(LintReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", TOOL);
    driver.put("fullName", "slimgate Dockerfile size advisor");
    driver.put("version", VERSION);
    driver.put("semanticVersion", VERSION);
    ArrayNode rules = driver.putArray("rules");
    List<RuleInfo> infos = report.rules();
    for (RuleInfo r : infos) {
      ObjectNode rule = rules.addObject();
      rule.put("id", r.id());
      rule.put("name", r.name());
      rule.putObject("shortDescription").put("text", r.summary());
      rule.putObject("fullDescription").put("text", r.help());
      rule.putObject("help").put("text", r.help());
      ObjectNode config = rule.putObject("defaultConfiguration");
      config.put("enabled", r.defaultLevel() != Level.OFF);
      config.put("level", sarifLevel(r.defaultLevel()));
      rule.putObject("properties").putArray("tags").add("size").add("dockerfile");
    }
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.ruleId());
      int index = indexOf(infos, f.ruleId());
      if (index >= 0) {
        result.put("ruleIndex", index);
      }
      result.put("level", sarifLevel(f.level()));
      result.putObject("message").put("text", f.message() + ". Fix: " + f.fix() + ".");
      ObjectNode location = result.putArray("locations").addObject()
          .putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", uri(f.path()));
      ObjectNode region = location.putObject("region");
      region.put("startLine", f.span().startLine());
      region.put("startColumn", f.span().startColumn());
      region.put("endLine", f.span().endLine());
      result.putObject("partialFingerprints").put("slimgate/v1", f.fingerprint());
      ObjectNode properties = result.putObject("properties");
      properties.put("fix", f.fix());
      f.bytes().ifPresent(b -> properties.put("bytesAtStake", b));
      f.suppression().ifPresent(s -> result.putArray("suppressions").addObject()
          .put("kind", "inSource").put("justification", s));
    }
    return root;
  }

  private static ArrayNode gitlab(LintReport report) {
    ArrayNode issues = new ObjectMapper().createArrayNode();
    for (Finding f : report.active()) {
      ObjectNode issue = issues.addObject();
      issue.put("type", "issue");
      issue.put("check_name", f.ruleId());
      String bytes = f.bytes().isPresent()
          ? " (" + Sizes.format(f.bytes().getAsLong()) + " at stake)" : "";
      issue.put("description", f.ruleId() + ": " + f.message() + bytes + ". Fix: " + f.fix()
          + ".");
      issue.putArray("categories").add("Performance");
      issue.put("severity", switch (f.level()) {
        case ERROR -> "major";
        case WARNING -> "minor";
        default -> "info";
      });
      issue.put("fingerprint", f.fingerprint());
      ObjectNode location = issue.putObject("location");
      location.put("path", f.path().replace('\\', '/'));
      ObjectNode lines = location.putObject("lines");
      lines.put("begin", f.span().startLine());
      lines.put("end", f.span().endLine());
    }
    return issues;
  }

  private static int indexOf(List<RuleInfo> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String sarifLevel(Level level) {
    return level == Level.OFF ? "none" : level.label();
  }

  private static String uri(String path) {
    String slashes = path.replace('\\', '/');
    try {
      return new URI(null, null, slashes, null).toASCIIString();
    } catch (URISyntaxException e) {
      return slashes;
    }
  }

  private static String write(Object node) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree built in memory failed to serialise", e);
    }
  }
}
