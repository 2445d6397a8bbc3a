package dev.slimgate.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slimgate.core.InfrastructureException;
import java.time.Duration;

/**
 * Opens a docker-java client on the engine named by DOCKER_HOST (the local socket by default)
 * and proves it answers, so that every later call can assume a live engine.
 */
public final class DockerConnection {

  private static final String HOW_TO_START =
      "start one with: dockerd --bridge=none --iptables=false --ip-masq=false &"
          + " (Debian package docker.io), or point DOCKER_HOST at a running engine";

  private DockerConnection() {}

  /** The client, and its raw HTTP transport for the few API calls docker-java does not wrap. */
  public record Engine(DockerClient client, DockerHttpClient http) {}

  /** Connects and pings; throws {@link InfrastructureException} with a fix when nothing answers. */
  public static DockerClient open() {
    return connect().client();
  }

  /** Like {@link #open()}, keeping the raw transport too. */
  public static Engine connect() {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .maxConnections(32)
            .connectionTimeout(Duration.ofSeconds(10))
            // builds and image exports stream for a long time: no response timeout
            .build();
    DockerClient client = DockerClientImpl.getInstance(config, http);
    try {
      client.pingCmd().exec();
    } catch (RuntimeException e) {
      throw new InfrastructureException(
          "no Docker engine answers at " + config.getDockerHost() + " (" + rootMessage(e) + "); "
              + HOW_TO_START, e);
    }
    return new Engine(client, http);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
