package dev.slimgate.anatomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import dev.slimgate.anatomy.Anatomy.Duplicate;
import dev.slimgate.anatomy.Anatomy.LayerStats;
import dev.slimgate.anatomy.DiffResult.PathChange;
import dev.slimgate.core.Events;
import dev.slimgate.docker.ImageExport;
import dev.slimgate.testing.DockerFixture;
import dev.slimgate.testing.DockerTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images built on the real engine with known contents: every number the anatomy reports is
 * computed here from the sizes the Dockerfile wrote.
 */
@DockerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAnatomyTest {

  private static final int BIG = 100_000;
  private static final int BIG2 = 40_000;
  private static final int GONE = 20_000;
  private static final int KEEP = 30_000;
  private static final int NEW = 1_000;
  private static final int TOOL = 4_000;
  private static final int ANTS_A = 5_000;
  private static final int ANTS_B = 7_000;
  private static final String STATUS = "Package: jq\\nStatus: install ok installed\\n"
      + "Installed-Size: 12\\nVersion: 1.6\\n\\nPackage: libeigen3-dev\\n"
      + "Status: install ok installed\\nInstalled-Size: 7000\\nVersion: 3.4\\n";

  private Path tmp;

  private long busybox;
  private String baseTag;
  private String phaseATag;
  private Analysis base;
  private ImageExport export;

  @BeforeAll
  void build(DockerFixture docker, @TempDir Path dir) throws Exception {
    tmp = dir;
    busybox = Files.size(Path.of("/bin/busybox"));
    Path ctx = Files.createDirectories(tmp.resolve("base"));
    Files.copy(Path.of("/bin/busybox"), ctx.resolve("busybox"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(ctx.resolve("Dockerfile"), String.join("\n",
        "FROM scratch",
        "COPY busybox /bin/busybox",
        "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]",
        "RUN mkdir -p /data/keep /data/gone /opt/ants/bin /var/lib/dpkg"
            + " && head -c " + BIG + " /dev/urandom > /data/big"
            + " && head -c " + GONE + " /dev/urandom > /data/gone/g1"
            + " && head -c " + KEEP + " /dev/urandom > /data/keep/k1"
            + " && head -c " + ANTS_A + " /dev/urandom > /opt/ants/bin/antsRegistration"
            + " && head -c " + ANTS_B + " /dev/urandom > /opt/ants/bin/N4BiasFieldCorrection"
            + " && head -c " + TOOL + " /dev/urandom > /tool"
            + " && printf '" + STATUS + "' > /var/lib/dpkg/status",
        "RUN head -c " + BIG2 + " /dev/urandom > /data/big && rm -rf /data/gone",
        "RUN rm -rf /data/keep && mkdir /data/keep && head -c " + NEW
            + " /dev/urandom > /data/keep/new",
        "RUN chmod 700 /tool",
        "RUN ln /tool /tool-link",
        "RUN cp -a /opt/ants /opt/ants-2.4.4",
        ""));
    baseTag = build(docker, ctx, "anatomy-base");
    Path ctxA = Files.createDirectories(tmp.resolve("phase-a"));
    Files.writeString(ctxA.resolve("Dockerfile"), String.join("\n",
        "FROM " + baseTag,
        "RUN rm -rf /opt/ants && sed -i '/^$/,$d' /var/lib/dpkg/status",
        ""));
    phaseATag = build(docker, ctxA, "anatomy-phase-a");
    export = new ImageExport(docker.client());
    base = analyse(baseTag, tmp.resolve("cache"));
  }

  private static String build(DockerFixture docker, Path ctx, String name) {
    String tag = docker.tag(name);
    docker.client().buildImageCmd(ctx.toFile())
        .withLabels(docker.labels())
        .withTags(Set.of(tag))
        .withNetworkMode("none")
        .exec(new BuildImageResultCallback())
        .awaitImageId();
    return tag;
  }

  private Analysis analyse(String tag, Path cacheDir) throws Exception {
    LayerCache cache = new LayerCache(cacheDir);
    SaveStream stream = new SaveStream(cache, Events.NONE);
    ImageExport.Description d = export.describe(tag);
    LoadedImage img = stream.fromCache(tag, d.id(), d.diffIds()).orElse(null);
    if (img == null) {
      try (InputStream in = export.save(tag)) {
        img = stream.load(in, tag);
      }
    }
    return new Stacker(Map.of("ants", List.of("/opt/ants", "/opt/ants-2.4.4"))).stack(img);
  }

  private long stored() {
    return busybox + BIG + GONE + KEEP + ANTS_A + ANTS_B + TOOL + STATUS_BYTES + BIG2 + NEW
        + TOOL + TOOL + ANTS_A + ANTS_B;
  }

  /** printf turns each two-character \n of the Java string into one newline byte. */
  private static final long STATUS_BYTES = STATUS.replace("\\n", "\n").length();

  private long finalBytes() {
    return busybox + BIG2 + NEW + TOOL + 2 * (ANTS_A + ANTS_B) + STATUS_BYTES;
  }

  @Test
  void storedFinalAndWastedBytesMatchWhatTheDockerfileWrote() {
    Anatomy a = base.anatomy();
    assertEquals(stored(), a.storedBytes());
    assertEquals(finalBytes(), a.finalBytes());
    assertEquals(stored() - finalBytes(), a.wastedBytes());
    assertEquals(BIG + GONE + KEEP + TOOL + TOOL, a.wastedBytes());
  }

  @Test
  void layersReportOverwriteDeleteOpaqueAndChmodCopies() {
    List<LayerStats> l = base.anatomy().layers();
    assertEquals(8, l.size());
    assertEquals(busybox, l.get(0).addedBytes());
    assertEquals(0, l.get(1).storedBytes());
    LayerStats overwrite = l.get(3);
    assertEquals(List.of((long) BIG2, (long) BIG, (long) GONE),
        List.of(overwrite.replacingBytes(), overwrite.hiddenBytes(), overwrite.deletedBytes()));
    LayerStats opaque = l.get(4);
    assertEquals(List.of((long) NEW, (long) KEEP), List.of(opaque.addedBytes(),
        opaque.deletedBytes()));
    LayerStats chmod = l.get(5);
    assertEquals(List.of((long) TOOL, 1L), List.of(chmod.metadataOnlyBytes(),
        chmod.metadataOnlyFiles()));
    // a hardlink to a file of a lower layer copies that file up unchanged
    assertEquals(TOOL, l.get(6).metadataOnlyBytes());
    assertTrue(l.get(7).createdBy().contains("cp -a /opt/ants /opt/ants-2.4.4"),
        l.get(7).createdBy());
  }

  @Test
  void efficiencyIsDivesScore() {
    // per path the smallest size over the sum of all sizes; a removed directory scores its
    // contents (dive), and the opaque /data/keep likewise
    long min = busybox + BIG2 + GONE + GONE + KEEP + KEEP + NEW + TOOL + ANTS_A + ANTS_B
        + ANTS_A + ANTS_B + STATUS_BYTES;
    long all = busybox + BIG + BIG2 + GONE + GONE + KEEP + KEEP + NEW + 3 * TOOL + ANTS_A
        + ANTS_B + ANTS_A + ANTS_B + STATUS_BYTES;
    assertEquals((double) min / all, base.anatomy().efficiency(), 1e-12);
  }

  @Test
  void duplicateAntsTreeIsFoundWithItsSize() {
    assertEquals(List.of(new Duplicate(List.of("/opt/ants", "/opt/ants-2.4.4"),
        ANTS_A + ANTS_B, 2, ANTS_A + ANTS_B)), base.anatomy().duplicateTrees());
  }

  @Test
  void dpkgPackagesAreListedWithInstalledSize() {
    assertEquals(List.of(
        new PackageRecord("dpkg", "jq", "1.6", 12 * 1024, "var/lib/dpkg/status"),
        new PackageRecord("dpkg", "libeigen3-dev", "3.4", 7000 * 1024, "var/lib/dpkg/status")),
        base.anatomy().packages());
  }

  @Test
  void secondAnalysisOfTheSameImageExportsAndReadsNothing() throws Exception {
    Path cache = tmp.resolve("cache-twice");
    Analysis first = analyse(baseTag, cache);
    Analysis second = analyse(baseTag, cache);
    assertTrue(first.anatomy().layerBytesRead() > stored(), "first run reads every layer");
    assertEquals(0, second.anatomy().layerBytesRead());
    assertEquals(first.anatomy().layers(), second.anatomy().layers());
    assertEquals(first.anatomy().finalBytes(), second.anatomy().finalBytes());
  }

  @Test
  void diffAgainstPhaseAListsRemovedTreeAndPackageAndComparesSavings() throws Exception {
    Analysis a = analyse(phaseATag, tmp.resolve("cache"));
    PlanExcerpt plan = PlanExcerpts.parse(ImageDiffTest.PLAN.replace("/home/jovyan", "/opt")
        .replace("bytes: 3300", "bytes: " + (ANTS_A + ANTS_B)), "plan.yaml");
    DiffResult d = new ImageDiff(plan, "A").diff(base, a);
    assertEquals(new PathChange("/opt/ants", true, ANTS_A + ANTS_B, 0, 2), d.removed().get(0));
    assertEquals(List.of("libeigen3-dev"),
        d.packagesRemoved().stream().map(PackageRecord::name).toList());
    assertEquals(ANTS_A + ANTS_B, d.savings().get(0).measuredBytes());
    assertEquals(d.savings().get(0).expectedBytes(), d.savings().get(0).measuredBytes());
  }
}
