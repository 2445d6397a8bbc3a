package dev.slimgate.regression;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slimgate.testing.DockerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds the real-software medimproc-debian fixture (Debian packages of MRtrix3 and friends):
 * its baseline Dockerfile and its phase A candidate, on the base image its base-image.sh makes.
 */
final class MedimprocImages {

  /** The fixture folder; another helper owns it, so a test can only use it when it is there. */
  static final Path FIXTURE = Paths.get(
      System.getProperty("slimgate.medimproc.fixture", "test/fixtures/medimproc-debian"));

  private MedimprocImages() {}

  /** Aborts the calling test when the fixture is not part of this checkout. */
  static void assumePresent() {
    Assumptions.assumeTrue(Files.isRegularFile(FIXTURE.resolve("Dockerfile"))
            && Files.isRegularFile(FIXTURE.resolve("phases/A/Dockerfile")),
        "the medimproc-debian fixture (" + FIXTURE + ") is not in this checkout");
  }

  /** Makes the Debian base image if needed; its script reuses one that exists. */
  static void baseImage() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", FIXTURE.resolve("base-image.sh").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("base-image.sh of " + FIXTURE + " failed; run it by hand"
          + " to see why");
    }
  }

  /**
   * Builds {@code dockerfile} (relative to the fixture) in a fresh context holding only the
   * fixture's synb0/ folder, which is all its Dockerfiles COPY. Copying keeps stray files out of
   * the build, and sidesteps docker-java refusing a .dockerignore that excludes the Dockerfile
   * (the docker CLI sends it apart), which the fixture once had.
   */
  static String build(DockerFixture docker, String name, String dockerfile, Path scratch)
      throws IOException {
    Path context = Files.createDirectories(scratch.resolve("context-" + name));
    copyTree(FIXTURE.resolve("synb0"), context.resolve("synb0"));
    Files.copy(FIXTURE.resolve(dockerfile), context.resolve("Dockerfile"),
        StandardCopyOption.REPLACE_EXISTING);
    String tag = docker.tag(name);
    docker.client().buildImageCmd()
        .withBaseDirectory(context.toFile())
        .withDockerfile(context.resolve("Dockerfile").toFile())
        .withTags(Set.of(tag))
        .withLabels(docker.labels())
        // apt inside the build reaches Debian's registry, as the fixture's README says
        .withNetworkMode("host")
        .withRemove(true)
        .withForcerm(true)
        .exec(new BuildImageResultCallback())
        .awaitImageId();
    return tag;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
