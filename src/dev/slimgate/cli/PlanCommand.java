package dev.slimgate.cli;

import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slimgate plan}: work with phase plans. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Work with phase plans.",
    subcommands = {PlanCommand.Check.class})
final class PlanCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** {@code slimgate plan check FILE}: every problem of a plan, at once. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Reads a plan strictly and reports every problem with file:line:column."
          + "%nExit codes: 0 valid, 2 problems found.")
  static final class Check implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the plan")
    Path file;

    @Option(names = "--repo", paramLabel = "DIR",
        description = "also check that the Dockerfiles and contexts the plan names exist here")
    Path repo;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Path base = repo != null ? repo : RunCommand.planFolder(file);
      Plan plan = new PlanReader(repo).read(file, base);
      spec.commandLine().getOut().println(file + ": valid plan of " + plan.image().name() + " with "
          + plan.components().size() + " components and phases "
          + String.join(", ", plan.phases().stream().map(Plan.Phase::id).toList()));
      return 0;
    }
  }
}
