package dev.slimgate.lint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Dockerfile size advisor: parses Dockerfiles, runs every rule, applies the settings
 * (levels, {@code off}) and {@code # slimgate-ignore} comments, and measures the bytes at stake
 * when image measurements are supplied.
 */
public final class Linter {

  private static final Pattern IGNORE = Pattern.compile(
      "^slimgate-ignore\\s+((?:SG\\d+)(?:\\s*,\\s*SG\\d+|\\s+SG\\d+)*)\\s*(.*)$");
  private static final Pattern IGNORE_START = Pattern.compile("^slimgate-ignore\\b\\s*(\\S*)");
  private static final RuleInfo BAD_SUPPRESSION = new RuleInfo("SG100", "bad-suppression",
      Level.WARNING, "A slimgate-ignore comment names no known rule",
      "Write '# slimgate-ignore SG1xx reason' directly above the instruction.");

  private final LintSettings settings;
  private final ImageMeasurements measurements;
  private final DockerfileParser parser = new DockerfileParser();
  private final List<Rule> rules = List.of(new OrphanedInstallRule(), new BuildPackagesRule(),
      new CacheRule("SG103"), new CacheRule("SG104"), new CacheRule("SG105"),
      new UnusedPackageRule(), new LaterDeletionRule(), new ArchiveKeptRule(),
      new GitMetadataRule(), new PermissionCopyRule(), new DistributionRule(),
      new BroadCopyRule());

  public Linter(LintSettings settings, ImageMeasurements measurements) {
    this.settings = settings;
    this.measurements = measurements;
  }

  /** Every rule this linter knows, SG100 included, with the level the settings give it. */
  public List<RuleInfo> rules() {
    List<RuleInfo> all = new ArrayList<>();
    all.add(BAD_SUPPRESSION);
    rules.forEach(r -> all.add(r.info()));
    return all.stream().map(r -> new RuleInfo(r.id(), r.name(), settings.levelOf(r),
        r.summary(), r.help())).toList();
  }

  /**
   * Lints Dockerfiles.
   *
   * @throws DockerfileSyntaxException with the problems of every malformed file
   */
  public LintReport lint(List<LintInput> inputs) {
    List<SyntaxProblem> problems = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (LintInput input : inputs) {
      try {
        Dockerfile dockerfile = parser.parse(input.path(), input.text());
        findings.addAll(lint(dockerfile, input.dockerignorePresent()));
      } catch (DockerfileSyntaxException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new DockerfileSyntaxException(problems);
    }
    return new LintReport(inputs.stream().map(LintInput::path).toList(), List.copyOf(findings),
        rules());
  }

  private List<Finding> lint(Dockerfile dockerfile, boolean dockerignore) {
    BuildModel model = BuildModel.of(dockerfile, Map.of());
    LintContext context = new LintContext(dockerfile, model, settings, dockerignore);
    List<Issue> issues = new ArrayList<>();
    Map<String, RuleInfo> infos = new HashMap<>();
    for (Rule rule : rules) {
      infos.put(rule.info().id(), rule.info());
      if (settings.levelOf(rule.info()) != Level.OFF) {
        issues.addAll(rule.check(context));
      }
    }
    if (settings.levelOf(BAD_SUPPRESSION) != Level.OFF) {
      issues.addAll(badSuppressions(dockerfile, infos));
    }
    infos.put(BAD_SUPPRESSION.id(), BAD_SUPPRESSION);
    issues.sort(Comparator.comparingInt((Issue i) -> i.instruction().span().startLine())
        .thenComparing(Issue::ruleId));
    Map<String, Integer> seen = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Issue issue : issues) {
      String key = issue.ruleId() + "\0" + dockerfile.path() + "\0" + text(issue.instruction())
          + "\0" + issue.subject();
      int occurrence = seen.merge(key, 1, Integer::sum);
      findings.add(new Finding(issue.ruleId(), settings.levelOf(infos.get(issue.ruleId())),
          dockerfile.path(), issue.instruction().span(), issue.message(), issue.fix(),
          measure(issue, model), fingerprint(key + "\0" + occurrence),
          suppression(issue)));
    }
    return findings;
  }

  private List<Issue> badSuppressions(Dockerfile dockerfile, Map<String, RuleInfo> infos) {
    List<Issue> issues = new ArrayList<>();
    for (Instruction in : dockerfile.instructions()) {
      for (Comment c : in.commentsAbove()) {
        Matcher start = IGNORE_START.matcher(c.text());
        if (!start.find()) {
          continue;
        }
        Matcher m = IGNORE.matcher(c.text());
        List<String> ids = m.matches() ? List.of(m.group(1).split("[\\s,]+")) : List.of();
        List<String> unknown = ids.stream().filter(id -> !infos.containsKey(id)).toList();
        if (ids.isEmpty() || !unknown.isEmpty()) {
          String named = ids.isEmpty() ? "'" + start.group(1) + "'" : String.join(", ", unknown);
          issues.add(new Issue("SG100", in, "line " + c.line(), "slimgate-ignore on line "
                  + c.line() + " names no known rule: " + named,
              "write '# slimgate-ignore SG1xx reason' with ids from 'slimgate lint --list-rules'",
              List.of(), List.of()));
        }
      }
    }
    return issues;
  }

  private static Optional<String> suppression(Issue issue) {
    for (Comment c : issue.instruction().commentsAbove()) {
      Matcher m = IGNORE.matcher(c.text());
      if (m.matches() && List.of(m.group(1).split("[\\s,]+")).contains(issue.ruleId())) {
        String reason = m.group(2).strip();
        return Optional.of(reason.isEmpty() ? "no reason given" : reason);
      }
    }
    return Optional.empty();
  }

  private OptionalLong measure(Issue issue, BuildModel model) {
    long total = 0;
    boolean known = false;
    Map<String, String> env = new HashMap<>(measurements.environment());
    VariableExpander expander = new VariableExpander('\\');
    for (String path : issue.paths()) {
      String resolved;
      try {
        resolved = expander.expand(path, env);
      } catch (ExpansionException e) {
        continue;
      }
      if (resolved.contains("${")) {
        continue;
      }
      OptionalLong bytes = measurements.pathBytes(resolved);
      if (bytes.isPresent()) {
        total += bytes.getAsLong();
        known = true;
      }
    }
    for (String pkg : issue.packages()) {
      int colon = pkg.indexOf(':');
      OptionalLong bytes = measurements.packageBytes(pkg.substring(0, colon),
          pkg.substring(colon + 1));
      if (bytes.isPresent()) {
        total += bytes.getAsLong();
        known = true;
      }
    }
    return known ? OptionalLong.of(total) : OptionalLong.empty();
  }

  private static String text(Instruction in) {
    return (in.keyword() + " " + in.arguments()).replaceAll("\\s+", " ").strip();
  }

  private static String fingerprint(String key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
