package dev.slimgate.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell script in a throw-away container of an image: no network, no capabilities, no
 * privilege escalation, a time limit. The container is removed whatever happens.
 */
public final class ContainerRunner {

  private static final int MAX_OUTPUT = 64 * 1024;

  private final DockerClient docker;
  private final Map<String, String> labels;

  public ContainerRunner(DockerClient docker, Map<String, String> labels) {
    this.docker = docker;
    this.labels = labels;
  }

  /** Runs {@code sh -c script} in {@code image}; a run past {@code timeoutMillis} is killed. */
  public RunResult run(String image, String script, long timeoutMillis) {
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode("none")
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"));
    long start = System.nanoTime();
    CreateContainerResponse created = docker.createContainerCmd(image)
        .withEntrypoint("/bin/sh")
        .withCmd("-c", script)
        .withLabels(labels)
        .withNetworkDisabled(true)
        .withHostConfig(host)
        .exec();
    String id = created.getId();
    try {
      docker.startContainerCmd(id).exec();
      Integer exit;
      boolean timedOut = false;
      try (WaitContainerResultCallback wait =
          docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
        exit = wait.awaitStatusCode(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (DockerClientException e) {
        // awaitStatusCode throws when the time is up
        timedOut = true;
        exit = null;
        killQuietly(id);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Output output = logs(id);
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new RunResult(exit == null ? -1 : exit, output.stdout.toString(),
          output.stderr.toString(), timedOut, millis);
    } finally {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (NotFoundException alreadyGone) {
        // removed by someone else: nothing left to clean
      }
    }
  }

  private void killQuietly(String id) {
    try {
      docker.killContainerCmd(id).exec();
    } catch (RuntimeException finishedMeanwhile) {
      // it ended between the timeout and the kill
    }
  }

  private Output logs(String id) {
    Output output = new Output();
    try {
      docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
          .exec(output).awaitCompletion(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return output;
  }

  /** Collects the two output streams, each cut at 64 KiB. */
  private static final class Output extends ResultCallback.Adapter<Frame> {

    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    @Override
    public void onNext(Frame frame) {
      StringBuilder target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
      if (target.length() < MAX_OUTPUT) {
        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
        target.append(text, 0, Math.min(text.length(), MAX_OUTPUT - target.length()));
      }
    }
  }
}
