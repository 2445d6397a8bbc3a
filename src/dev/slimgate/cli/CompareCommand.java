package dev.slimgate.cli;

import dev.slimgate.core.SlimgateException;
import dev.slimgate.regression.RegressionPlanLoader;
import dev.slimgate.regression.compare.Comparators;
import dev.slimgate.regression.compare.OutputRule;
import dev.slimgate.regression.compare.Outcome;
import dev.slimgate.regression.compare.Verdict;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slimgate compare A B}: the regression comparators on two files or folders. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Compares two files or two output folders with the regression comparators (NIfTI, "
            + "MRtrix, MGH, text tables, zip, bytes), for checking a run by hand.",
        "Exit codes: 0 same within tolerance, 1 different (or needing review), 2 bad input."})
public final class CompareCommand implements Callable<Integer> {

  /** Differing files listed for a folder before the rest is summarised. */
  private static final int MAX_LISTED = 50;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH_A", description = "baseline file or folder")
  private Path a;

  @Parameters(index = "1", paramLabel = "PATH_B", description = "candidate file or folder")
  private Path b;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "take comparators and tolerances from this plan's regression.compare rules")
  private Path plan;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      for (Path p : List.of(a, b)) {
        if (!Files.exists(p)) {
          err.println("error: " + p + " does not exist; give two existing files or folders");
          return 2;
        }
      }
      if (Files.isDirectory(a) != Files.isDirectory(b)) {
        err.println("error: " + a + " and " + b + " must both be files or both be folders");
        return 2;
      }
      List<OutputRule> rules = plan == null ? List.of()
          : new RegressionPlanLoader().load(plan, RunCommand.planFolder(plan)).compare();
      String name = Files.isDirectory(a) ? "" : a.getFileName().toString();
      Outcome outcome = new Comparators(rules).comparePaths(name, a, b);
      print(out, outcome);
      return outcome.verdict() == Verdict.PASS ? 0 : 1;
    } catch (SlimgateException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static void print(PrintWriter out, Outcome outcome) {
    if (outcome.parts().isEmpty() || !outcome.comparator().equals("dir")) {
      out.println(outcome.describe());
      for (Outcome part : outcome.parts()) {
        if (part.verdict() != Verdict.PASS) {
          out.println("  " + part.describe());
        }
      }
    } else {
      int listed = 0;
      for (Outcome part : outcome.parts()) {
        if (part.verdict() != Verdict.PASS && listed++ < MAX_LISTED) {
          out.println(part.describe());
        }
      }
      if (listed > MAX_LISTED) {
        out.println("... and " + (listed - MAX_LISTED) + " more differing files");
      }
    }
    out.println(verdictLine(outcome));
  }

  private static String verdictLine(Outcome outcome) {
    switch (outcome.verdict()) {
      case PASS: return "same: " + outcome.summary();
      case INCONCLUSIVE: return "needs review: " + outcome.summary();
      default: return "different: " + outcome.summary();
    }
  }
}
