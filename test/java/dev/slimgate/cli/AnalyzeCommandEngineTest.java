package dev.slimgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code slimgate analyze IMAGE} against the engine: export once, then only the cache. */
@DockerTest
class AnalyzeCommandEngineTest {

  @TempDir
  Path tmp;

  private JsonNode analyze(String image, Path cache) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new AnalyzeCommand(new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute(image, "--format", "json", "--cache", cache.toString());
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return new ObjectMapper().readTree(out.toByteArray());
  }

  @Test
  void secondRunOfAnEngineImageReadsNoLayerBytes(DockerFixture docker) throws Exception {
    Path ctx = Files.createDirectories(tmp.resolve("ctx"));
    Files.copy(Path.of("/bin/busybox"), ctx.resolve("busybox"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n"
        + "RUN [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox head -c 12345 /dev/urandom"
        + " > /payload\"]\n");
    String tag = docker.tag("analyze-cli");
    docker.client().buildImageCmd(ctx.toFile()).withLabels(docker.labels())
        .withTags(Set.of(tag)).withNetworkMode("none").exec(new BuildImageResultCallback())
        .awaitImageId();
    Path cache = tmp.resolve("cache");
    JsonNode first = analyze(tag, cache);
    JsonNode second = analyze(tag, cache);
    long expected = Files.size(Path.of("/bin/busybox")) + 12345;
    assertEquals(expected, first.path("finalBytes").asLong());
    assertTrue(first.path("layerBytesRead").asLong() > expected);
    assertEquals(0, second.path("layerBytesRead").asLong());
    assertEquals(expected, second.path("finalBytes").asLong());
  }

  @Test
  void unknownImageIsAUsageError(DockerFixture docker) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new CommandLine(new AnalyzeCommand(new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute(docker.tag("never-built"), "--cache", tmp.resolve("c").toString());
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not in the engine"));
  }
}
