package dev.slimgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `slimgate` command: entry point of the engine, the only place that ends the process. */
@Command(
    name = "slimgate",
    mixinStandardHelpOptions = true,
    version = "slimgate 0.1.0",
    description = "Takes a large Docker image through a phased, gated size-optimisation rollout.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
