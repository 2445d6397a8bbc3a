package dev.slimgate.checks;

import dev.slimgate.checks.CheckResult.Status;
import dev.slimgate.core.Events;
import dev.slimgate.docker.ContainerRunner;
import dev.slimgate.docker.RunResult;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.Plan.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks inside a candidate image that every tool of the plan resolves and answers, that
 * required data is there and removed trees and modules are gone. Every check runs, in its own
 * container with no network, whatever the others gave.
 */
public final class ToolChecker {

  private static final int PARALLEL = 4;
  private static final long FILE_CHECK_TIMEOUT = 60_000;
  private static final int OUTPUT_LIMIT = 2_000;

  private final ContainerRunner runner;
  private final Events events;

  public ToolChecker(ContainerRunner runner, Events events) {
    this.runner = runner;
    this.events = events;
  }

  /** Runs the checks of {@code components} for {@code phase} in {@code image}. */
  public List<CheckResult> check(Plan plan, String phase, String candidate, String image,
      List<Component> components) {
    List<Function<String, CheckResult>> checks = new ArrayList<>();
    Map<String, String[]> paths = new LinkedHashMap<>();
    for (Component c : components) {
      c.commands().forEach(cmd -> checks.add(img -> command(candidate, c.name(), img, cmd)));
      c.files().forEach(f -> paths.put(f, new String[] {c.name(), "file"}));
      c.absent().stream().filter(a -> plan.reached(phase, a.after()))
          .forEach(a -> paths.put(a.path(), new String[] {c.name(), "absent"}));
      c.python().imports().forEach(m ->
          checks.add(img -> python(candidate, c.name(), img, c.python().interpreter(), m, true)));
      c.python().absent().stream().filter(a -> plan.reached(phase, a.after())).forEach(a ->
          checks.add(img -> python(candidate, c.name(), img, c.python().interpreter(),
              a.module(), false)));
    }
    int total = checks.size() + (paths.isEmpty() ? 0 : 1);
    events.info("checking " + image + " (" + checks.size() + " tool checks, " + paths.size()
        + " paths)");
    List<CheckResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<List<CheckResult>>> futures = new ArrayList<>();
      if (!paths.isEmpty()) {
        futures.add(pool.submit(() -> paths(candidate, image, paths)));
      }
      for (Function<String, CheckResult> check : checks) {
        futures.add(pool.submit(() -> List.of(check.apply(image))));
      }
      int done = 0;
      for (Future<List<CheckResult>> f : futures) {
        results.addAll(f.get());
        done++;
        // about ten progress lines per image, whatever the number of checks
        if (done == total || done % Math.max(1, total / 10) == 0) {
          events.progress("checking " + image, done, total);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + image, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private CheckResult command(String candidate, String component, String image,
      Plan.CommandCheck cmd) {
    String script = "if ! command -v " + quote(cmd.name()) + " >/dev/null 2>&1; then "
        + "echo \"slimgate: " + cmd.name().replace("\"", "") + " is not on PATH ($PATH)\" >&2; "
        + "exit 127; fi\n" + cmd.probe();
    RunResult run = runner.run(image, script, cmd.timeoutMillis());
    String expected = cmd.expect() == null
        ? "'" + cmd.probe() + "' exits 0"
        : "'" + cmd.probe() + "' exits 0 and prints /" + cmd.expect() + "/";
    String output = cut(run.output());
    if (run.timedOut()) {
      return new CheckResult(candidate, component, "command", cmd.name(), Status.TIMEOUT,
          expected, "no answer within " + cmd.timeoutMillis() / 1000 + " s; stopped", output,
          run.millis());
    }
    if (run.exitCode() == 127 && run.stderr().contains("is not on PATH")) {
      return fail(candidate, component, "command", cmd.name(), expected,
          cmd.name() + " is not on PATH", output, run);
    }
    if (run.exitCode() != 0) {
      return fail(candidate, component, "command", cmd.name(), expected,
          "exit " + run.exitCode() + ": " + firstMeaningfulLine(run), output, run);
    }
    if (cmd.expect() != null && !Pattern.compile(cmd.expect()).matcher(run.output()).find()) {
      return fail(candidate, component, "command", cmd.name(), expected,
          "output does not match: " + firstMeaningfulLine(run), output, run);
    }
    return new CheckResult(candidate, component, "command", cmd.name(), Status.PASS, expected,
        "exit 0", output, run.millis());
  }

  private CheckResult python(String candidate, String component, String image, String python,
      String module, boolean mustImport) {
    String script = python + " -c " + quote("import " + module);
    RunResult run = runner.run(image, script, FILE_CHECK_TIMEOUT);
    String kind = mustImport ? "python-import" : "python-absent";
    String expected = mustImport ? "import " + module + " succeeds with " + python
        : "import " + module + " fails with ModuleNotFoundError";
    String output = cut(run.output());
    if (run.timedOut()) {
      return new CheckResult(candidate, component, kind, module, Status.TIMEOUT, expected,
          "no answer within " + FILE_CHECK_TIMEOUT / 1000 + " s", output, run.millis());
    }
    boolean notFound = run.output().contains("ModuleNotFoundError");
    if (mustImport && run.exitCode() != 0) {
      return fail(candidate, component, kind, module, expected, firstMeaningfulLine(run), output,
          run);
    }
    if (!mustImport && run.exitCode() == 0) {
      return fail(candidate, component, kind, module, expected, module + " still imports",
          output, run);
    }
    if (!mustImport && !notFound) {
      return fail(candidate, component, kind, module, expected,
          "the import failed for another reason: " + firstMeaningfulLine(run), output, run);
    }
    return new CheckResult(candidate, component, kind, module, Status.PASS, expected,
        mustImport ? "imports" : "not importable", output, run.millis());
  }

  /** All file and absence checks of an image in one container: one line of answer per path. */
  private List<CheckResult> paths(String candidate, String image, Map<String, String[]> paths) {
    StringBuilder script = new StringBuilder();
    for (String path : paths.keySet()) {
      script.append("if [ -e ").append(quote(path)).append(" ] || [ -L ").append(quote(path))
          .append(" ]; then echo \"present\"; else echo \"missing\"; fi\n");
    }
    RunResult run = runner.run(image, script.toString(), FILE_CHECK_TIMEOUT);
    String[] answers = run.stdout().split("\n");
    List<CheckResult> out = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String[]> e : paths.entrySet()) {
      String path = e.getKey();
      String component = e.getValue()[0];
      boolean absentCheck = e.getValue()[1].equals("absent");
      String expected = absentCheck ? path + " is gone" : path + " exists";
      String answer = i < answers.length ? answers[i].trim() : "";
      i++;
      Status status;
      String actual;
      if (run.timedOut() || answer.isEmpty()) {
        status = run.timedOut() ? Status.TIMEOUT : Status.FAIL;
        actual = run.timedOut() ? "no answer within 60 s" : "no answer: " + cut(run.output());
      } else {
        boolean present = answer.equals("present");
        status = present != absentCheck ? Status.PASS : Status.FAIL;
        actual = present ? path + " exists" : path + " does not exist";
      }
      out.add(new CheckResult(candidate, component, absentCheck ? "absent" : "file", path, status,
          expected, actual, "", run.millis()));
    }
    return out;
  }

  private static CheckResult fail(String candidate, String component, String kind,
      String subject, String expected, String actual, String output, RunResult run) {
    return new CheckResult(candidate, component, kind, subject, Status.FAIL, expected, actual,
        output, run.millis());
  }

  /** The first line of stderr (else stdout) that says something, e.g. the loader's error. */
  private static String firstMeaningfulLine(RunResult run) {
    for (String stream : new String[] {run.stderr(), run.stdout()}) {
      List<String> lines = stream.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      for (String line : lines) {
        if (line.contains("error") || line.contains("Error") || line.contains("ERROR")) {
          return line;
        }
      }
      if (!lines.isEmpty()) {
        return lines.get(lines.size() - 1);
      }
    }
    return "no output";
  }

  private static String cut(String text) {
    return text.length() <= OUTPUT_LIMIT ? text : text.substring(0, OUTPUT_LIMIT) + "\n[cut]";
  }

  /** Single-quotes a word for sh. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
