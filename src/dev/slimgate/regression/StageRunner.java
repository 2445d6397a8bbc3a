package dev.slimgate.regression;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import dev.slimgate.core.Events;
import dev.slimgate.core.InfrastructureException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one stage in a fresh, locked-down container: no network, every capability dropped,
 * no-new-privileges, a read-only root with the work folder bind-mounted writable at /work and
 * the inputs read-only at /in, a tmpfs at /tmp, the stage's memory and CPU limits. Its output
 * goes to two log files; the container is removed afterwards, also when it timed out.
 */
public final class StageRunner {

  /** Label naming the stage on every container, next to the labels the caller passes. */
  public static final String STAGE_LABEL = "dev.slimgate.regression.stage";

  private final DockerClient docker;
  private final Map<String, String> labels;
  private final Events events;

  public StageRunner(DockerClient docker, Map<String, String> labels, Events events) {
    this.docker = docker;
    this.labels = Map.copyOf(labels);
    this.events = events;
  }

  /**
   * Runs {@code stage} in {@code image} with {@code work} at /work and {@code inputs} (may be
   * null) at /in, writing logs to {@code logs}/{@code <prefix>.stdout.log} and
   * {@code .stderr.log}.
   */
  public StageRun run(String image, Stage stage, Path work, Path inputs, Path logs,
      String prefix) {
    Path stdout = logs.resolve(prefix + ".stdout.log");
    Path stderr = logs.resolve(prefix + ".stderr.log");
    prepare(work, logs);
    String id;
    try {
      id = create(image, stage, work, inputs).exec().getId();
    } catch (NotFoundException e) {
      return new StageRun(stage.name(), image, null, -1, false, 0, stdout, stderr,
          "image " + image + " not found; build it first or check the --baseline/--candidate"
              + " option");
    } catch (RuntimeException e) {
      throw new InfrastructureException("creating the container for stage " + stage.name()
          + " in " + image + " failed: " + e.getMessage() + "; check that the Docker engine"
          + " accepts the limits and bind mounts", e);
    }
    long start = System.nanoTime();
    try {
      docker.startContainerCmd(id).exec();
      Integer code = await(id, stage.timeoutMillis());
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (code == null) {
        events.warn("stage " + stage.name() + " in " + image + " exceeds its timeout of "
            + stage.timeoutMillis() / 1000 + "s: killing container " + shortId(id));
        kill(id);
      }
      copyLogs(id, stdout, stderr);
      return new StageRun(stage.name(), image, id, code == null ? -1 : code, code == null,
          millis, stdout, stderr, null);
    } catch (RuntimeException e) {
      return new StageRun(stage.name(), image, id, -1, false,
          (System.nanoTime() - start) / 1_000_000, stdout, stderr,
          "the engine failed while running it: " + e.getMessage());
    } finally {
      remove(id);
    }
  }

  private CreateContainerCmd create(String image, Stage stage, Path work, Path inputs) {
    List<Bind> binds = new ArrayList<>();
    binds.add(new Bind(work.toAbsolutePath().toString(), new Volume("/work")));
    if (inputs != null) {
      binds.add(new Bind(inputs.toAbsolutePath().toString(), new Volume("/in"),
          AccessMode.ro));
    }
    HostConfig host = HostConfig.newHostConfig()
        .withNetworkMode("none")
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withReadonlyRootfs(true)
        // many tools write scratch files to /tmp; the root stays read-only
        .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=1g"))
        .withBinds(binds);
    if (stage.memoryBytes() > 0) {
      host.withMemory(stage.memoryBytes()).withMemorySwap(stage.memoryBytes());
    }
    if (stage.cpus() > 0) {
      host.withNanoCPUs((long) (stage.cpus() * 1_000_000_000L));
    }
    Map<String, String> all = new HashMap<>(labels);
    all.put(STAGE_LABEL, stage.name());
    return docker.createContainerCmd(image)
        .withEntrypoint("/bin/sh", "-c")
        .withCmd(stage.command())
        .withWorkingDir("/work")
        .withLabels(all)
        .withNetworkDisabled(true)
        .withHostConfig(host);
  }

  /** The exit code, or null when the timeout passed first. */
  private Integer await(String id, long timeoutMillis) {
    try (WaitContainerResultCallback wait =
        docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())) {
      return wait.awaitStatusCode(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (DockerClientException e) {
      // docker-java reports an elapsed wait as this exception; a stopped engine as others
      if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
        return null;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void kill(String id) {
    try {
      docker.killContainerCmd(id).exec();
    } catch (RuntimeException alreadyStopped) {
      // it may have ended between the timeout and the kill; removal below still runs
    }
  }

  private void copyLogs(String id, Path stdout, Path stderr) {
    try (OutputStream out = Files.newOutputStream(stdout);
        OutputStream err = Files.newOutputStream(stderr)) {
      ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
        @Override
        public void onNext(Frame frame) {
          try {
            (frame.getStreamType() == StreamType.STDERR ? err : out).write(frame.getPayload());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
      docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
          .exec(callback).awaitCompletion(2, TimeUnit.MINUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the logs to " + stdout.getParent(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void remove(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException alreadyGone) {
      // removed by someone else: the goal is reached
    } catch (RuntimeException e) {
      events.warn("container " + shortId(id) + " could not be removed: " + e.getMessage()
          + "; remove it with: docker rm -f " + id);
    }
  }

  private static void prepare(Path work, Path logs) {
    try {
      Files.createDirectories(work);
      Files.createDirectories(logs);
      // the image may run as any user; the root is read-only, so /work must take its writes
      Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the work folder " + work, e);
    }
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
