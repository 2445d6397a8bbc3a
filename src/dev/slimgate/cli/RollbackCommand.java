package dev.slimgate.cli;

import dev.slimgate.core.SlimgateException;
import dev.slimgate.rollout.AuditEntry;
import dev.slimgate.rollout.PhaseChangeJson;
import dev.slimgate.rollout.PhaseLedger;
import dev.slimgate.rollout.StateFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slimgate rollback}: returns the rollout to the phase before the current one. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Returns to the previous phase, audited like an approval.",
      "It appends who, when and why to the state",
      "file's history, like slimgate advance. No report is needed: a rollback is the way out.",
      "Exit codes: 0 recorded, 2 refused or bad input (every reason is listed), 3 file error."
    })
public final class RollbackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = "phases/state.yaml",
      description = "The rollout state file (default: ${DEFAULT-VALUE}).")
  private Path state;

  @Option(names = "--phase", paramLabel = "X",
      description = "The phase being rolled back; refused when it is no longer the current one.")
  private String phase;

  @Option(names = "--approver", paramLabel = "USER", description = "Who decides the rollback.")
  private String approver;

  @Option(names = "--author", paramLabel = "USER",
      description = "Who asked for it, when someone else; must differ from the approver.")
  private String author;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the history.")
  private String reason;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the recorded change as JSON (schema slimgate.phase-change/1).")
  private Path output;

  private final Clock clock;

  public RollbackCommand() {
    this(Clock.systemUTC());
  }

  /** For tests: records changes at the instants {@code clock} gives. */
  RollbackCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try {
      AuditEntry entry = new PhaseLedger(new StateFile(state), clock)
          .rollback(new PhaseLedger.Rollback(phase, approver, author, reason));
      if (output != null) {
        new PhaseChangeJson().write(entry, state, output);
      }
      spec.commandLine().getOut().printf("phase %s rolled back to %s by %s at %s, recorded in %s%n",
          entry.from(), entry.to() == null ? "none" : entry.to(), entry.approver(), entry.at(),
          state);
      return 0;
    } catch (SlimgateException e) {
      spec.commandLine().getErr().println("slimgate rollback: " + e.getMessage());
      return e.exitCode();
    }
  }
}
