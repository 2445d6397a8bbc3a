package dev.slimgate.cli;

import dev.slimgate.plan.PlanReader;

import dev.slimgate.run.ImageAnatomies;

import dev.slimgate.anatomy.Analysis;
import dev.slimgate.anatomy.HtmlReport;
import dev.slimgate.anatomy.JsonReport;
import dev.slimgate.anatomy.PlanExcerpt;
import dev.slimgate.anatomy.TextReport;
import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import dev.slimgate.core.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slimgate analyze}: where the bytes of an image are, read in one pass per layer. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
        "Explains where the bytes of an image are: final tree, per-layer changes, waste,"
            + " duplicates, components and packages.",
        "IMAGE is an image in the engine, a docker save tar (classic or OCI layout) or an OCI"
            + " layout directory. Nothing is extracted to disk."})
public final class AnalyzeCommand implements Callable<Integer> {

  /** Output formats of {@code --format}. */
  enum Format { text, json, html }

  @Parameters(index = "0", paramLabel = "IMAGE|TAR|OCI-DIR")
  String image;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "phase plan whose components.<name>.paths are measured")
  Path plan;

  @Option(names = "--format", defaultValue = "text",
      description = "text, json or html (default: ${DEFAULT-VALUE})")
  Format format;

  @picocli.CommandLine.Mixin
  AnatomyOptions options = new AnatomyOptions();

  private final PrintStream out;
  private final PrintStream err;

  public AnalyzeCommand() {
    this(System.out, System.err);
  }

  AnalyzeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    try {
      PlanExcerpt excerpt = readPlan(plan);
      Analysis a = analyze(image, options.cacheDir(), excerpt, events(err));
      String report = switch (format) {
        case json -> new JsonReport().render(a.anatomy());
        case html -> new HtmlReport().render(a.anatomy());
        case text -> new TextReport().render(a.anatomy());
      };
      write(report, options.output, out);
      return 0;
    } catch (SlimgateException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage()
          + "; check the disk and the --cache directory");
      return 2;
    }
  }

  /** Loads and stacks an image from the engine or from disk. */
  static Analysis analyze(String image, Path cacheDir, PlanExcerpt plan, Events events) {
    return new ImageAnatomies(null, cacheDir, events).analyze(image, plan.components());
  }

  static PlanExcerpt readPlan(Path plan) {
    if (plan == null) {
      return PlanExcerpt.empty();
    }
    return PlanExcerpt.of(new PlanReader().read(plan, RunCommand.planFolder(plan)));
  }

  static void write(String report, Path output, PrintStream out) {
    if (output == null) {
      out.print(report);
      out.flush();
      return;
    }
    try {
      Files.writeString(output, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write the report to " + output + ": " + e.getMessage());
    }
  }

  /** Lifecycle lines on standard error, so that standard output stays a clean report. */
  static Events events(PrintStream err) {
    return new Events() {
      @Override
      public void info(String message) {
        err.println("INFO: " + message);
      }

      @Override
      public void warn(String message) {
        err.println("WARNING: " + message);
      }

      @Override
      public void progress(String subject, long done, long total) {
        if (total > 0 && done == total) {
          err.println("INFO: " + subject + ": " + done + "/" + total);
        }
      }
    };
  }
}
