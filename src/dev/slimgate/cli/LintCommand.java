package dev.slimgate.cli;

import dev.slimgate.core.UsageException;
import dev.slimgate.lint.DockerfileSyntaxException;
import dev.slimgate.lint.ImageMeasurements;
import dev.slimgate.lint.Level;
import dev.slimgate.lint.LintFormat;
import dev.slimgate.lint.LintInput;
import dev.slimgate.lint.LintReport;
import dev.slimgate.lint.LintSettings;
import dev.slimgate.lint.LintSettingsYaml;
import dev.slimgate.lint.Linter;
import dev.slimgate.lint.RuleInfo;
import dev.slimgate.lint.SyntaxProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slimgate lint}: the Dockerfile size advisor. Exit 0 when no error-level finding remains,
 * 1 when one does, 2 when a Dockerfile or the plan cannot be read or parsed.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Flags the bytes a Dockerfile wastes before anything is built.")
public final class LintCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "DOCKERFILE", arity = "0..*", description = "Dockerfiles to lint.")
  private List<Path> dockerfiles = new ArrayList<>();

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Phase plan whose 'lint:' section sets severities, unused packages and"
          + " distributions (default: the medimproc defaults).")
  private Path plan;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, sarif or gitlab (default: ${DEFAULT-VALUE}).")
  private String format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the report here instead of standard output.")
  private Path output;

  @Option(names = "--context", paramLabel = "DIR",
      description = "Build context whose .dockerignore limits COPY . (default: the folder of"
          + " each Dockerfile).")
  private Path context;

  @Option(names = "--list-rules", description = "List the rules with their levels and exit.")
  private boolean listRules;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      LintSettings settings = settings();
      Linter linter = new Linter(settings, ImageMeasurements.NONE);
      if (listRules) {
        for (RuleInfo r : linter.rules()) {
          out.println(r.id() + " " + r.defaultLevel().label() + " " + r.name() + ": "
              + r.summary());
        }
        out.flush();
        return 0;
      }
      LintFormat lintFormat = format();
      if (dockerfiles.isEmpty()) {
        throw new UsageException("no Dockerfile given (fix: run 'slimgate lint Dockerfile'"
            + " with one or more paths)");
      }
      LintReport report = linter.lint(inputs());
      String rendered = lintFormat.render(report);
      if (output != null) {
        Files.writeString(output, rendered, StandardCharsets.UTF_8);
        out.println("lint: " + report.count(Level.ERROR) + " errors, "
            + report.count(Level.WARNING) + " warnings; "
            + lintFormat.name().toLowerCase(Locale.ROOT) + " report written to " + output);
      } else {
        out.print(rendered);
      }
      out.flush();
      return report.failed() ? 1 : 0;
    } catch (DockerfileSyntaxException e) {
      for (SyntaxProblem p : e.problems()) {
        err.println(p.describe());
      }
      err.flush();
      return e.exitCode();
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.flush();
      return e.exitCode();
    } catch (IOException e) {
      err.println("cannot write " + output + ": " + e.getMessage()
          + " (fix: check that its folder exists and is writable)");
      err.flush();
      return 2;
    }
  }

  private LintFormat format() {
    try {
      return LintFormat.of(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --format '" + format + "': expected text, json, sarif"
          + " or gitlab");
    }
  }

  private LintSettings settings() {
    if (plan == null) {
      return LintSettings.medimproc();
    }
    return new LintSettingsYaml().read(plan.toString(), read(plan, "plan"));
  }

  private List<LintInput> inputs() {
    List<LintInput> inputs = new ArrayList<>();
    for (Path file : dockerfiles) {
      Path dir = context != null ? context : file.toAbsolutePath().getParent();
      // BuildKit also honours <Dockerfile>.dockerignore next to the Dockerfile.
      boolean ignore = Files.exists(dir.resolve(".dockerignore"))
          || Files.exists(file.resolveSibling(file.getFileName() + ".dockerignore"));
      inputs.add(new LintInput(file.toString(), read(file, "Dockerfile"), ignore));
    }
    return inputs;
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + what + " " + file + ": " + e.getMessage()
          + " (fix: check the path)");
    }
  }
}
