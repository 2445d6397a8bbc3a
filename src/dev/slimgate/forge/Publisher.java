package dev.slimgate.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimgate.core.Events;
import dev.slimgate.core.InfrastructureException;
import dev.slimgate.forge.git.BranchPublisher;
import dev.slimgate.forge.git.BranchResult;
import dev.slimgate.forge.git.GitAccess;
import dev.slimgate.forge.http.GitLabApi;
import dev.slimgate.forge.http.MergeRequestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publishes a finished phase: commits its promotion and report to the phase branch, then opens
 * or updates the one merge request of that branch. Each step is safe to repeat, so a run that
 * pushed the branch but could not reach the forge is finished by simply running again.
 */
public final class Publisher {

  /** The merge request text in the run folder. */
  public static final String MR_FILE = "mr.md";

  /** The machine-readable outcome in the run folder. */
  public static final String RESULT_FILE = "publish.json";

  private final ForgeSettings settings;
  private final Events events;
  private final BranchPublisher branches;
  private final Optional<MergeRequestApi> api;
  private final MergeRequestWriter writer = new MergeRequestWriter();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param settings validated settings
   * @param access how to reach the git remote
   * @param api the forge client, empty for no forge
   */
  public Publisher(ForgeSettings settings, GitAccess access, Optional<MergeRequestApi> api,
      Events events) {
    this.settings = settings.validate();
    this.events = events;
    this.branches = new BranchPublisher(access, events);
    this.api = api;
  }

  /** Publishes {@code promotion}, writing mr.md and publish.json into {@code runDir}. */
  public PublishResult publish(Promotion promotion, Path runDir) {
    String branch = settings.branchFor(promotion.phase());
    List<FileChange> files = new ArrayList<>(promotion.files());
    files.add(new FileChange(promotion.reportPath(),
        promotion.report().getBytes(StandardCharsets.UTF_8), false));
    events.info("publishing phase " + promotion.phase() + " (" + files.size() + " files) to "
        + branch);
    BranchResult pushed = branches.publish(settings.remote(), settings.targetBranch(), branch,
        files, commitMessage(promotion, files));
    MergeRequestContent content = api
        .map(forge -> writer.write(promotion, branch, pushed.commitId(), forge.forgeName(),
            forge.descriptionLimit(), forge.noteLimit(),
            forge.fileUrl(branch, promotion.reportPath())))
        .orElseGet(() -> writer.write(promotion, branch, pushed.commitId(), "merge request",
            GitLabApi.TEXT_LIMIT, GitLabApi.TEXT_LIMIT, null));
    if (content.reportCut()) {
      events.warn("the report is too long for the merge request description: it is cut there"
          + " and linked in full from " + promotion.reportPath());
    }
    Path mrFile = runDir.resolve(MR_FILE);
    write(mrFile, MergeRequestWriter.markdown(content));
    MergeRequestResult request = MergeRequestResult.skipped();
    writeResult(runDir, pushed, request, "pending");
    if (api.isEmpty()) {
      events.info("skipping the merge request: no forge is configured (--forge); its title and"
          + " description are in " + mrFile);
    } else if (!pushed.branchExists()) {
      events.info("skipping the merge request: " + settings.targetBranch() + " already has"
          + " this promotion, so there is nothing to merge");
    } else {
      request = new MergeRequestSync(api.get(), events).sync(branch, settings.targetBranch(),
          content);
      events.info("merge request " + request.number() + " is " + request.action()
          .name().toLowerCase(Locale.ROOT) + ": " + request.webUrl());
    }
    writeResult(runDir, pushed, request, "done");
    return new PublishResult(pushed, request, mrFile);
  }

  private static String commitMessage(Promotion promotion, List<FileChange> files) {
    StringBuilder message = new StringBuilder("slimgate: promote the phase ")
        .append(promotion.phase()).append(" candidate\n\nWritten by slimgate publish:\n\n");
    files.forEach(file -> message.append("- ").append(file.path()).append('\n'));
    return message.toString();
  }

  private void writeResult(Path runDir, BranchResult pushed, MergeRequestResult request,
      String state) {
    ObjectNode root = json.createObjectNode();
    root.put("state", state);
    root.put("forge", settings.type().name().toLowerCase(Locale.ROOT));
    root.putObject("branch")
        .put("name", pushed.branch())
        .put("outcome", pushed.outcome().name().toLowerCase(Locale.ROOT))
        .put("commit", pushed.commitId())
        .put("attempts", pushed.attempts());
    root.putObject("merge_request")
        .put("action", request.action().name().toLowerCase(Locale.ROOT))
        .put("number", request.number())
        .put("url", request.webUrl())
        .put("note", request.note().name().toLowerCase(Locale.ROOT));
    write(runDir.resolve(RESULT_FILE), root.toPrettyString() + "\n");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InfrastructureException("could not write " + file + " (" + e.getMessage()
          + "): check that the run folder is writable", e);
    }
  }
}
