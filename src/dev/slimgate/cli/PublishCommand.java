package dev.slimgate.cli;

import dev.slimgate.core.Events;
import dev.slimgate.core.SlimgateException;
import dev.slimgate.forge.ForgeClients;
import dev.slimgate.forge.ForgeSettings;
import dev.slimgate.plan.Plan;
import dev.slimgate.plan.PlanReader;
import dev.slimgate.forge.ForgeToken;
import dev.slimgate.forge.ForgeType;
import dev.slimgate.forge.PromotionFile;
import dev.slimgate.forge.PublishResult;
import dev.slimgate.forge.Publisher;
import dev.slimgate.forge.RepositoryRemote;
import dev.slimgate.forge.http.MergeRequestApi;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slimgate publish}: pushes a finished run folder's promotion and report to the phase
 * branch and opens or updates its one merge request.
 */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
        "Commits a finished run's promotion and report to the branch slimgate/phase-<x> of the"
            + " git remote and opens or updates the phase's one merge request (GitLab) or pull"
            + " request (GitHub). Reruns update the same branch and request; unchanged content"
            + " makes no commit and no update.",
        "The token comes only from the environment variable SLIMGATE_FORGE_TOKEN."})
public final class PublishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run-dir", required = true, paramLabel = "DIR",
      description = "Run folder with promotion.json and report.md.")
  Path runDir;

  @Option(names = "--phase", required = true, paramLabel = "X", description = "Phase id, e.g. A.")
  String phase;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "Image repository; its origin is the default remote (default: .).")
  Path repo;

  @Option(names = "--git-remote", paramLabel = "URL",
      description = "Git remote that receives the phase branch (https, ssh, file or a path).")
  String gitRemote;

  @Option(names = "--forge", paramLabel = "TYPE",
      description = "gitlab, github or none (none: push the branch and write mr.md only).")
  String forge;

  @Option(names = "--forge-url", paramLabel = "URL",
      description = "GitLab base URL, or GitHub API root (https://api.github.com).")
  URI forgeUrl;

  @Option(names = "--forge-project", paramLabel = "PATH",
      description = "GitLab project path group/name, or GitHub owner/repo.")
  String forgeProject;

  @Option(names = "--target-branch", paramLabel = "NAME",
      description = "Branch the merge request targets (default: main); never pushed to.")
  String targetBranch;

  @Option(names = "--ssh-key", paramLabel = "FILE",
      description = "Private key for ssh remotes (default: the keys in ~/.ssh).")
  Path sshKey;

  @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
      description = "known_hosts for ssh remotes (default: ~/.ssh/known_hosts).")
  Path sshKnownHosts;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Take the forge settings from this plan's forge: section; options win.")
  Path plan;

  private final ForgeSettings planSettings;
  private final Map<String, String> environment;
  private final ForgeClients clients;

  public PublishCommand() {
    this(null, System.getenv(), new ForgeClients());
  }

  /**
   * @param planSettings the plan's forge section, overridden by the options given; null for none
   * @param environment where the token is read from
   * @param clients builds git access and forge clients
   */
  public PublishCommand(ForgeSettings planSettings, Map<String, String> environment,
      ForgeClients clients) {
    this.planSettings = planSettings;
    this.environment = environment;
    this.clients = clients;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<ForgeToken> token = Optional.empty();
    try {
      token = ForgeToken.fromEnvironment(environment);
      ForgeSettings settings = settings();
      Events events = new ConsoleEvents(err, token);
      Optional<MergeRequestApi> api = clients.api(settings, token, events);
      PublishResult result;
      try (var access = clients.gitAccess(settings, token)) {
        Publisher publisher = new Publisher(settings, access, api, events);
        result = publisher.publish(new PromotionFile().read(runDir, phase), runDir);
      }
      out.println("branch " + result.branch().branch() + ": " + lower(result.branch().outcome())
          + " at " + result.branch().commitId());
      out.println("merge request: " + lower(result.mergeRequest().action())
          + (result.mergeRequest().number() > 0
              ? " " + result.mergeRequest().number() + " " + result.mergeRequest().webUrl() : "")
          + " (text in " + result.mergeRequestFile() + ")");
      out.flush();
      return 0;
    } catch (SlimgateException e) {
      err.println("slimgate publish: " + ForgeToken.redact(token, e.getMessage()));
      err.flush();
      return e.exitCode();
    }
  }

  private ForgeSettings settings() {
    ForgeSettings base = planSettings != null ? planSettings
        : plan != null ? fromPlan(new PlanReader().read(plan, RunCommand.planFolder(plan)).forge())
        : new ForgeSettings(ForgeType.NONE, null, null, null, null, null, null);
    ForgeType type = forge != null ? ForgeType.parse(forge) : base.type();
    String remote = gitRemote != null ? gitRemote : base.remote();
    if (remote == null || remote.isBlank()) {
      remote = RepositoryRemote.origin(repo);
    }
    return new ForgeSettings(type,
        forgeUrl != null ? forgeUrl : base.url(),
        forgeProject != null ? forgeProject : base.project(),
        remote,
        targetBranch != null ? targetBranch : base.targetBranch(),
        sshKey != null ? sshKey : base.sshKey(),
        sshKnownHosts != null ? sshKnownHosts : base.sshKnownHosts()).validate();
  }

  /** The plan's forge: section as settings; the plan reader has checked its values. */
  static ForgeSettings fromPlan(Plan.ForgeSpec spec) {
    return new ForgeSettings(spec.type() == null ? ForgeType.NONE : ForgeType.parse(spec.type()),
        spec.url() == null ? null : java.net.URI.create(spec.url()), spec.project(),
        spec.remote(), spec.targetBranch(), null, null);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Prints events as INFO:/WARNING: lines, masking the token should one ever reach a line. */
  private static final class ConsoleEvents implements Events {
    private final PrintWriter err;
    private final Optional<ForgeToken> token;

    ConsoleEvents(PrintWriter err, Optional<ForgeToken> token) {
      this.err = err;
      this.token = token;
    }

    @Override
    public void info(String message) {
      print("INFO: " + message);
    }

    @Override
    public void warn(String message) {
      print("WARNING: " + message);
    }

    @Override
    public void progress(String subject, long done, long total) {
      print("INFO: " + subject + " " + done + (total > 0 ? "/" + total : ""));
    }

    private void print(String line) {
      err.println(ForgeToken.redact(token, line));
      err.flush();
    }
  }
}
