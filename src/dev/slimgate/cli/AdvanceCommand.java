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

/** {@code slimgate advance}: approves the next phase of the rollout and records who, when, why. */
@Command(
    name = "advance",
    mixinStandardHelpOptions = true,
    description = {
      "Records the approval of a phase in the state file, audited.",
      "It checks the phase order (A -> B -> C -> D), that the phase's",
      "report has verdict pass, that the approver is not the change's author and that a reason",
      "is given, then appends who, when and why to the state file's history (atomically).",
      "Exit codes: 0 recorded, 2 refused or bad input (every reason is listed), 3 file error."
    })
public final class AdvanceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = "phases/state.yaml",
      description = "The rollout state file (default: ${DEFAULT-VALUE}); created when missing.")
  private Path state;

  @Option(names = "--phase", paramLabel = "X", description = "The phase to approve: A, B, C or D.")
  private String phase;

  @Option(names = "--approver", paramLabel = "USER", description = "Who approves.")
  private String approver;

  @Option(names = "--author", paramLabel = "USER",
      description = "Who wrote the change; must differ from the approver.")
  private String author;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept in the history.")
  private String reason;

  @Option(names = "--report", paramLabel = "FILE",
      description = "report.json of the phase's passing run: the evidence, hashed into the"
          + " history.")
  private Path report;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the recorded change as JSON (schema slimgate.phase-change/1).")
  private Path output;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The image repository the state file belongs to (default: ${DEFAULT-VALUE}):"
          + " when the report's run folder has a promotion.json, the state file joins it.")
  private Path repo;

  private final Clock clock;

  public AdvanceCommand() {
    this(Clock.systemUTC());
  }

  /** For tests: records changes at the instants {@code clock} gives. */
  AdvanceCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try {
      AuditEntry entry = new PhaseLedger(new StateFile(state), clock)
          .advance(new PhaseLedger.Advance(phase, approver, author, reason, report));
      if (output != null) {
        new PhaseChangeJson().write(entry, state, output);
      }
      Path runFolder = report.toAbsolutePath().getParent();
      Path inRepo = repo.toAbsolutePath().normalize()
          .relativize(state.toAbsolutePath().normalize());
      if (!inRepo.startsWith("..") && Promotions.addFile(runFolder, inRepo.toString(), state)) {
        spec.commandLine().getOut().printf("%s joins the promotion in %s%n", state,
            runFolder.resolve("promotion.json"));
      }
      spec.commandLine().getOut().printf("phase %s approved by %s at %s, recorded in %s%n",
          entry.to(), entry.approver(), entry.at(), state);
      return 0;
    } catch (SlimgateException e) {
      spec.commandLine().getErr().println("slimgate advance: " + e.getMessage());
      return e.exitCode();
    }
  }
}
