package dev.slimgate.anatomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.DiffResult.PathChange;
import dev.slimgate.anatomy.DiffResult.SavingCheck;
import dev.slimgate.core.Events;
import dev.slimgate.docker.ImageExport;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The miniature medimproc image of test/fixtures (1 MiB per real GiB): the duplicate ANTs tree
 * and the phase A diff. Expected sizes come from the fixture's own fill and stub rules.
 */
@DockerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniatureAnatomyTest {

  private static final String[] ANTS_TOOLS =
      {"antsRegistration", "antsApplyTransforms", "N4BiasFieldCorrection", "c3d"};

  private Analysis base;
  private Analysis phaseA;
  private PlanExcerpt plan;

  @BeforeAll
  void build(DockerFixture docker, @TempDir Path tmp) throws Exception {
    Path fixture = fixture();
    Assumptions.assumeTrue(fixture != null, "test/fixtures/medimproc-mini is not in this tree"
        + " yet (it comes with the lead's miniature image); set -Dslimgate.miniFixture=DIR");
    Path ctx = tmp.resolve("mini");
    copyTree(fixture, ctx);
    Files.copy(Path.of("/bin/busybox"), ctx.resolve("context/busybox"),
        StandardCopyOption.REPLACE_EXISTING);
    plan = PlanExcerpts.parse(Files.readString(ctx.resolve("plan.yaml")), "plan.yaml");
    String baseTag = build(docker, ctx, "Dockerfile", "mini-base");
    String aTag = build(docker, ctx, "phases/A/Dockerfile", "mini-a");
    ImageExport export = new ImageExport(docker.client());
    base = analyse(export, baseTag, tmp.resolve("cache"));
    phaseA = analyse(export, aTag, tmp.resolve("cache"));
  }

  private static Path fixture() {
    String prop = System.getProperty("slimgate.miniFixture");
    String home = System.getenv("SLIMGATE_HOME");
    Path p = prop != null ? Path.of(prop)
        : Path.of(home == null ? "." : home, "test/fixtures/medimproc-mini");
    return Files.isRegularFile(p.resolve("Dockerfile")) ? p : null;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static String build(DockerFixture docker, Path ctx, String dockerfile, String name) {
    String tag = docker.tag(name);
    docker.client().buildImageCmd(ctx.toFile())
        .withDockerfile(ctx.resolve(dockerfile).toFile())
        .withLabels(docker.labels())
        .withTags(Set.of(tag))
        .withNetworkMode("none")
        .exec(new BuildImageResultCallback())
        .awaitImageId();
    return tag;
  }

  private Analysis analyse(ImageExport export, String tag, Path cache) throws Exception {
    try (InputStream in = export.save(tag)) {
      LoadedImage img = new SaveStream(new LayerCache(cache), Events.NONE).load(in, tag);
      return new Stacker(plan.components()).stack(img);
    }
  }

  /** {@code fill DIR MIB}: {@code awk printf %d} of MIB * 1048576. */
  private static long fill(double mib) {
    return (long) (mib * 1048576);
  }

  /** {@code stub DIR NAME VERSION} without requirements: a shebang and one echo line. */
  private static long stub(String name, String version) {
    return "#!/bin/sh\n".length() + ("echo \"" + name + " " + version + "\"\n").length();
  }

  private static long antsTree() {
    long bytes = fill(2.9) + fill(0.03);
    for (String t : ANTS_TOOLS) {
      bytes += stub(t, "2.4.4");
    }
    return bytes;
  }

  @Test
  void duplicateAntsInstallIsFoundWithItsSize() {
    Duplicate ants = base.anatomy().duplicateTrees().get(0);
    assertEquals(new Duplicate(List.of("/home/jovyan/ants", "/home/jovyan/ants-2.4.4"),
        antsTree(), 2 + ANTS_TOOLS.length, antsTree()), ants);
  }

  @Test
  void phaseAHasNoDuplicateTree() {
    assertEquals(List.of(), phaseA.anatomy().duplicateTrees());
  }

  @Test
  void diffListsTheRemovedAntsTreeAndBuildPackages() {
    DiffResult d = new ImageDiff(plan, "A").diff(base, phaseA);
    assertTrue(d.removed().contains(new PathChange("/home/jovyan/ants", true, antsTree(), 0,
        2 + ANTS_TOOLS.length)), d.removed().toString());
    List<String> removedDpkg = d.packagesRemoved().stream()
        .filter(p -> p.manager().equals("dpkg")).map(PackageRecord::name).sorted().toList();
    assertEquals(List.of("libeigen3-dev", "libfftw3-dev", "libgl1-mesa-dev", "libpng-dev",
        "libqt5opengl5-dev", "libqt5svg5-dev", "libtiff5-dev", "zlib1g-dev"), removedDpkg);
    PackageRecord eigen = d.packagesRemoved().stream()
        .filter(p -> p.name().equals("libeigen3-dev")).findFirst().orElseThrow();
    // the fixture's apt-get stand-in writes 0.005 MiB of files and their Installed-Size, 5 KiB
    assertEquals(5 * 1024, eigen.bytes());
  }

  @Test
  void diffMeasuresTorchvisionFromItsFiles() {
    DiffResult d = new ImageDiff(plan, "A").diff(base, phaseA);
    PackageRecord tv = d.packagesRemoved().stream()
        .filter(p -> p.name().equals("torchvision")).findFirst().orElseThrow();
    // pyinstall's RECORD lists __init__.py and blob.bin (claiming 0 bytes), not itself
    assertEquals(fill(0.25) + "import sys\n".length(), tv.bytes());
  }

  @Test
  void diffComparesTheAntsSavingWithThePlan() {
    DiffResult d = new ImageDiff(plan, "A").diff(base, phaseA);
    SavingCheck ants = d.savings().get(0);
    assertEquals(new SavingCheck("remove the duplicate ANTs install", "ants",
        dev.slimgate.plan.Units.parseSize("2.93MiB"), antsTree()), ants);
  }
}
