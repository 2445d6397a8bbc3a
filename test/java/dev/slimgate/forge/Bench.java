package dev.slimgate.forge;

import dev.slimgate.forge.fakes.GitHttpServer;
import dev.slimgate.forge.fakes.RecordingEvents;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run folder, a real smart-HTTP git remote and the clients to publish with, for the end-to-end
 * tests of {@link Publisher}. Waits between retries are recorded instead of slept.
 */
final class Bench implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  final Path dir;
  final Path runDir;
  final Path bare;
  final GitHttpServer git;
  final RecordingEvents events = new RecordingEvents();
  final List<Duration> sleeps = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  private final String token;

  Bench(Path dir, String token) throws Exception {
    this.dir = dir;
    this.token = token;
    git = GitHttpServer.start(token);
    bare = git.createRepository(dir, "medimproc",
        Map.of("Dockerfile", "FROM scratch\n# production\n"));
    runDir = Files.createDirectories(dir.resolve("run"));
    Files.writeString(runDir.resolve("Dockerfile.candidate"), "FROM scratch\n# phase A\n");
    Files.writeString(runDir.resolve("promotion.json"), """
        {"files": [
          {"path": "Dockerfile", "source": "Dockerfile.candidate"},
          {"path": "slimgate/state.json",
           "content": "{\\"phase\\": \\"A\\", \\"passed\\": true}\\n"}
        ]}
        """);
    report("# Phase A: passed\n\nAll gates passed.\n\n## Sizes\n\n32.4 GB -> 29.1 GB\n");
  }

  String remote() {
    return git.url("medimproc");
  }

  void report(String text) throws Exception {
    Files.writeString(runDir.resolve("report.md"), text);
  }

  ForgeSettings gitlab(String url, String project) {
    return new ForgeSettings(ForgeType.GITLAB, URI.create(url), project, remote(), "main", null,
        null);
  }

  ForgeSettings github(String url, String project) {
    return new ForgeSettings(ForgeType.GITHUB, URI.create(url), project, remote(), "main", null,
        null);
  }

  /** Publishes phase A of the run folder, remembering the message of any failure. */
  PublishResult publish(ForgeSettings settings) {
    ForgeClients clients = new ForgeClients(sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC),
        dev.slimgate.forge.http.ForgeHttp.defaultClient());
    Optional<ForgeToken> secret = Optional.of(new ForgeToken(token));
    try {
      Publisher publisher = new Publisher(settings, clients.gitAccess(settings, secret),
          clients.api(settings, secret, events), events);
      return publisher.publish(new PromotionFile().read(runDir, "A"), runDir);
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
      throw e;
    }
  }

  /** The text of every file in the run folder. */
  String runFolderText() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(runDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file)).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() throws Exception {
    git.close();
  }
}
