package dev.slimgate.cli;

import dev.slimgate.core.SlimgateException;
import dev.slimgate.plan.PlanException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `slimgate` command: entry point of the engine, the only place that ends the process. */
@Command(
    name = "slimgate",
    mixinStandardHelpOptions = true,
    version = "slimgate 0.1.0",
    description = "Takes a large Docker image through a phased, gated size-optimisation rollout.",
    subcommands = {CommandLine.HelpCommand.class, RunCommand.class, PlanCommand.class,
        NotifyCommand.class, PublishCommand.class, LintCommand.class, AdvanceCommand.class,
        RollbackCommand.class, AnalyzeCommand.class, DiffCommand.class, RegressCommand.class,
        CompareCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with slimgate's error handling: messages, never stack traces. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof PlanException p) {
        line.getErr().println(p.getMessage());
        return p.exitCode();
      }
      if (e instanceof SlimgateException s) {
        line.getErr().println("slimgate: " + s.getMessage());
        return s.exitCode();
      }
      line.getErr().println("slimgate: internal error: " + e);
      StackTraceElement[] trace = e.getStackTrace();
      if (trace.length > 0) {
        line.getErr().println("  at " + trace[0]);
      }
      line.getErr().println("please report this with the command you ran");
      return 3;
    });
    return cli;
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** No command given: the usage, and exit code 2 like any other usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
