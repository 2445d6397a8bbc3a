package dev.slimgate.cli;

import dev.slimgate.anatomy.Analysis;
import dev.slimgate.anatomy.DiffResult;
import dev.slimgate.anatomy.ImageDiff;
import dev.slimgate.anatomy.JsonReport;
import dev.slimgate.anatomy.PlanExcerpt;
import dev.slimgate.anatomy.TextReport;
import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import dev.slimgate.core.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slimgate diff}: what a candidate image changed against its base. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Size deltas per component and directory, paths and packages removed and"
        + " added, and a plan phase's expected savings against the measured ones.")
public final class DiffCommand implements Callable<Integer> {

  /** Output formats of {@code --format}. */
  enum Format { text, json }

  @Parameters(index = "0", paramLabel = "BASE")
  String base;

  @Parameters(index = "1", paramLabel = "CANDIDATE")
  String candidate;

  @Option(names = "--plan", paramLabel = "FILE", description = "phase plan (components, savings)")
  Path plan;

  @Option(names = "--phase", paramLabel = "ID",
      description = "plan phase whose savings to compare (default: the first with savings)")
  String phase;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @picocli.CommandLine.Mixin
  AnatomyOptions options = new AnatomyOptions();

  private final PrintStream out;
  private final PrintStream err;

  public DiffCommand() {
    this(System.out, System.err);
  }

  DiffCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      PlanExcerpt excerpt = AnalyzeCommand.readPlan(plan);
      String chosen = choosePhase(excerpt);
      Events events = AnalyzeCommand.events(err);
      Path dir = options.cacheDir();
      Analysis a = AnalyzeCommand.analyze(base, dir, excerpt, events);
      Analysis b = AnalyzeCommand.analyze(candidate, dir, excerpt, events);
      DiffResult d = new ImageDiff(excerpt, chosen).diff(a, b);
      String report = format == Format.json ? new JsonReport().render(d)
          : new TextReport().render(d);
      AnalyzeCommand.write(report, options.output, out);
      return 0;
    } catch (SlimgateException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (java.io.UncheckedIOException e) {
      err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage()
          + "; check the disk and the --cache directory");
      return 2;
    }
  }

  private String choosePhase(PlanExcerpt excerpt) {
    if (phase != null) {
      if (plan == null) {
        throw new UsageException("--phase " + phase + " needs --plan FILE to read savings from");
      }
      if (!excerpt.savings().containsKey(phase)) {
        throw new UsageException("plan " + plan + " has no phase " + phase + "; it has "
            + excerpt.savings().keySet());
      }
      return phase;
    }
    return excerpt.savings().entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(java.util.Map.Entry::getKey)
        .findFirst().orElse(null);
  }
}
