package dev.slimgate.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.slimgate.core.Events;
import dev.slimgate.core.InfrastructureException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds an image with the engine, streaming readable progress and keeping the full log. */
public final class ImageBuilder {

  private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
  private static final int TAIL_LINES = 30;
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private final DockerClient docker;
  private final Events events;

  public ImageBuilder(DockerClient docker, Events events) {
    this.docker = docker;
    this.events = events;
  }

  /** Builds and tags the image; returns its id. Throws {@link BuildFailedException} on a bad step. */
  public String build(BuildRequest request) {
    if (!Files.isRegularFile(request.dockerfile())) {
      throw new BuildFailedException(request.tag(), null, "no Dockerfile at "
          + request.dockerfile(), List.of());
    }
    try {
      Files.createDirectories(request.log().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    events.info("building image " + request.tag() + " from " + request.dockerfile());
    try (BufferedWriter log = Files.newBufferedWriter(request.log(), StandardCharsets.UTF_8)) {
      Progress progress = new Progress(request.tag(), log);
      BuildImageCmd cmd;
      try {
        // the base directory first: withDockerfile defaults it to the Dockerfile's folder
        cmd = docker.buildImageCmd()
            .withBaseDirectory(request.context().toFile())
            .withDockerfile(request.dockerfile().toFile())
            .withTags(Set.of(request.tag()))
            .withLabels(request.labels())
            .withRemove(true)
            .withForcerm(true)
            .withPull(false);
      } catch (DockerClientException e) {
        // docker-java reads the context and its .dockerignore here, before anything is sent
        throw new BuildFailedException(request.tag(), null, "the build context "
            + request.context() + " cannot be sent: " + firstLine(e.getMessage())
            + " (fix: correct the .dockerignore or the context path)", List.of());
      }
      request.buildArgs().forEach(cmd::withBuildArg);
      if (request.networkMode() != null) {
        cmd.withNetworkMode(request.networkMode());
      }
      String id;
      try {
        id = cmd.exec(progress).awaitImageId();
      } catch (DockerClientException e) {
        throw new BuildFailedException(request.tag(), progress.step, firstLine(e.getMessage()),
            List.copyOf(progress.tail));
      } catch (RuntimeException e) {
        if (isConnectionProblem(e)) {
          throw new InfrastructureException("the Docker engine stopped answering while building "
              + request.tag() + ": " + e.getMessage(), e);
        }
        throw new BuildFailedException(request.tag(), progress.step, firstLine(e.getMessage()),
            List.copyOf(progress.tail));
      }
      events.info("built image " + request.tag() + " (" + shortId(id) + ")");
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the build log " + request.log(), e);
    }
  }

  private static boolean isConnectionProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketException || t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the builder gave no reason";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static String shortId(String id) {
    String bare = id.startsWith("sha256:") ? id.substring(7) : id;
    return bare.length() > 12 ? bare.substring(0, 12) : bare;
  }

  /** Turns the build stream into step lines for people and the full text for the log. */
  private final class Progress extends BuildImageResultCallback {

    private final String tag;
    private final BufferedWriter log;
    private final Deque<String> tail = new ArrayDeque<>();
    private String step;
    private final StringBuilder partial = new StringBuilder();

    Progress(String tag, BufferedWriter log) {
      this.tag = tag;
      this.log = log;
    }

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getStream() != null) {
        partial.append(item.getStream());
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
          line(partial.substring(0, nl));
          partial.delete(0, nl + 1);
        }
      }
      if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
        line("ERROR: " + item.getErrorDetail().getMessage());
      }
      super.onNext(item);
    }

    private void line(String raw) {
      // the classic builder colours stderr with ANSI escapes; logs and reports want plain text
      String text = ANSI.matcher(raw).replaceAll("");
      try {
        log.write(text);
        log.newLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      tail.addLast(text);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
      Matcher m = STEP.matcher(text);
      if (m.matches()) {
        step = text;
        events.progress("building " + tag + ": " + abbreviate(m.group(3)),
            Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      } else {
        events.detail(text);
      }
    }

    private String abbreviate(String instruction) {
      return instruction.length() > 70 ? instruction.substring(0, 67) + "..." : instruction;
    }
  }
}
