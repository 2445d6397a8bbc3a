package dev.slimgate.regression;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slimgate.testing.DockerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/** Builds the stub pipeline image of test/fixtures/regression/stub in one of its variants. */
final class StubImages {

  static final Path FIXTURE = Paths.get("test/fixtures/regression/stub");

  private StubImages() {}

  /** Builds variant baseline, far or near and returns its tag. */
  static String build(DockerFixture docker, String variant, Path scratch) throws IOException {
    Path context = Files.createDirectories(scratch.resolve("context-" + variant));
    Files.copy(FIXTURE.resolve("Dockerfile"), context.resolve("Dockerfile"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(FIXTURE.resolve("pipeline.sh"), context.resolve("pipeline.sh"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Paths.get("/bin/busybox"), context.resolve("busybox"),
        StandardCopyOption.REPLACE_EXISTING);
    String tag = docker.tag("regression-stub-" + variant);
    docker.client().buildImageCmd(context.toFile())
        .withTags(Set.of(tag))
        .withLabels(docker.labels())
        .withBuildArg("VARIANT", variant)
        .withNetworkMode("none")
        .withRemove(true)
        .withForcerm(true)
        .exec(new BuildImageResultCallback())
        .awaitImageId();
    return tag;
  }
}
