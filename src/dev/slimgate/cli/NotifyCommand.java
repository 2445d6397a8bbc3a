package dev.slimgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.chat.ChatNotifier;
import dev.slimgate.chat.ChatSettings;
import dev.slimgate.chat.ChatSummary;
import dev.slimgate.chat.ChatSummaryReader;
import dev.slimgate.chat.NotifyResult;
import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slimgate notify}: tells the team chat about one finished stage of a phase. Chat faults
 * never fail the command: they are printed as warnings and written to the result file.
 */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description = {
        "Posts a phase summary to Slack (SLIMGATE_SLACK_TOKEN), to an incoming webhook"
            + " (SLIMGATE_SLACK_WEBHOOK) or, with neither, prints it on the console.",
        "A rerun for the same phase and commit continues the same Slack thread.",
        "Exit codes: 0 done (chat faults are warnings), 2 bad summary or settings."})
public final class NotifyCommand implements Callable<Integer> {

  /** Where the command writes what it did, for the Jenkins step to read with readJSON. */
  public static final String RESULT_FILE = "chat-result.json";

  @Spec
  private CommandSpec spec;

  @Option(names = "--summary", required = true, paramLabel = "FILE.json",
      description = "The phase summary JSON (format in docs/chat.md).")
  private Path summaryFile;

  @Option(names = "--state-dir", required = true, paramLabel = "DIR",
      description = "Keeps the thread of each phase between runs; must survive a restart.")
  private Path stateDirectory;

  @Option(names = "--run-dir", required = true, paramLabel = "DIR",
      description = "The run folder: receives chat.md and " + RESULT_FILE + ".")
  private Path runDirectory;

  @Option(names = "--channel", paramLabel = "C",
      description = "Slack channel name or id; overrides chat.channel of the plan.")
  private String channel;

  @Option(names = "--release-managers", paramLabel = "ID",
      description = "Slack user-group id called once when a phase passes all its gates.")
  private String releaseManagers;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Take chat.channel and chat.release_managers from this plan.")
  private Path plan;

  private final Map<String, String> environment;

  public NotifyCommand() {
    this(System.getenv());
  }

  /** For tests: the environment that holds the token, the webhook and the API address. */
  NotifyCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      ChatSummary summary = PhaseChangeSummary.isPhaseChange(summaryFile)
          ? PhaseChangeSummary.read(summaryFile, runDirectory)
          : new ChatSummaryReader().read(summaryFile);
      Plan.ChatSpec fromPlan = plan == null ? Plan.ChatSpec.NONE
          : new PlanReader().read(plan, RunCommand.planFolder(plan)).chat();
      ChatSettings settings = ChatSettings.resolve(environment,
          channel != null ? channel : fromPlan.channel(),
          releaseManagers != null ? releaseManagers : fromPlan.releaseManagers());
      PrintWriter out = spec.commandLine().getOut();
      PrintStream console =
          new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
      NotifyResult result = new ChatNotifier(settings, stateDirectory, runDirectory,
          new PrefixedEvents(err), console).notify(summary);
      console.flush();
      out.flush();
      writeResult(result);
      return 0;
    } catch (SlimgateException e) {
      err.println("ERROR: " + e.getMessage());
      err.flush();
      return e.exitCode();
    }
  }

  private void writeResult(NotifyResult result) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = json.createObjectNode();
    node.put("mode", result.mode().name().toLowerCase(Locale.ROOT));
    node.put("channel", result.channel());
    node.put("thread_ts", result.threadTs());
    node.put("text_file", result.textFile().toString());
    node.put("release_managers_mentioned", result.releaseManagersMentioned());
    result.warnings().forEach(node.putArray("warnings")::add);
    Path file = runDirectory.resolve(RESULT_FILE);
    try {
      Files.write(file, json.writeValueAsBytes(node));
    } catch (IOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("WARNING: could not write " + file + ": " + e.getMessage());
      err.flush();
    }
  }

  /** Prints events the way Jenkins steps print theirs: INFO: and WARNING: prefixes. */
  private static final class PrefixedEvents implements Events {
    private final PrintWriter err;

    PrefixedEvents(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void info(String message) {
      err.println("INFO: " + message);
      err.flush();
    }

    @Override
    public void warn(String message) {
      err.println("WARNING: " + message);
      err.flush();
    }

    @Override
    public void progress(String subject, long done, long total) {}
  }

  /** Lets the notifier's PrintStream write into picocli's configurable output writer. */
  private static final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      pending.write(b);
    }

    @Override
    public void flush() {
      writer.write(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
      writer.flush();
    }
  }
}
