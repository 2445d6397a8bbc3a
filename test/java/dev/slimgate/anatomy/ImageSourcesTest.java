package dev.slimgate.anatomy;

import static dev.slimgate.anatomy.Layers.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slimgate.anatomy.Layers.Layer;
import dev.slimgate.core.Events;
import dev.slimgate.core.UsageException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an image arrives gives the same anatomy; damage is named; the cache saves reads. */
class ImageSourcesTest {

  @TempDir
  Path tmp;

  private static List<Layer> image() throws Exception {
    Layer l1 = new Layer().by("COPY busybox /bin/busybox").dir("bin")
        .file("bin/busybox", bytes(5000, 1)).dir("etc").file("etc/conf", bytes(300, 2));
    Layer l2 = new Layer().by("RUN rm").whiteout("etc/conf").file("bin/busybox", bytes(4000, 3));
    return List.of(l1, l2);
  }

  /** The numbers every source must agree on, computed from what {@link #image} wrote. */
  private static void assertImageNumbers(Anatomy a) {
    assertEquals(5000 + 300 + 4000, a.storedBytes());
    assertEquals(4000, a.finalBytes());
    assertEquals(5300, a.wastedBytes());
    assertEquals(300, a.layers().get(1).deletedBytes());
    assertEquals(5000, a.layers().get(1).hiddenBytes());
    assertEquals("RUN rm", a.layers().get(1).createdBy());
  }

  private LayerCache cache() {
    return new LayerCache(tmp.resolve("cache"));
  }

  private Anatomy stack(LoadedImage img) {
    return new Stacker(Map.of()).stack(img).anatomy();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void classicArchiveIsReadWhereverTheManifestSits(boolean manifestFirst) throws Exception {
    Path tar = tmp.resolve("img.tar");
    Files.write(tar, Layers.classic(image(), manifestFirst));
    assertImageNumbers(stack(new ImageArchive(cache(), Events.NONE).load(tar)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd"})
  void ociLayoutWithCompressedLayersIsRead(String compression) throws Exception {
    Path dir = tmp.resolve("oci-" + compression);
    Layers.oci(dir, image(), compression);
    assertImageNumbers(stack(new ImageArchive(cache(), Events.NONE).load(dir)));
  }

  @Test
  void ociLayoutTarIsReadWithoutManifestJson() throws Exception {
    Path dir = tmp.resolve("oci");
    Layers.oci(dir, image(), "zstd");
    Path tar = tmp.resolve("oci.tar");
    tarDirectory(dir, tar);
    assertImageNumbers(stack(new ImageArchive(cache(), Events.NONE).load(tar)));
  }

  private static void tarDirectory(Path dir, Path tar) throws Exception {
    try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
        Files.newOutputStream(tar)); var files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(
            dir.relativize(p).toString());
        e.setSize(Files.size(p));
        out.putArchiveEntry(e);
        Files.copy(p, out);
        out.closeArchiveEntry();
      }
    }
  }

  /** docker save stores a layer that occurs twice once, and a symlink for the second time. */
  private static byte[] repeatedLayerArchive() throws Exception {
    byte[] layer = new Layer().file("tool", bytes(700, 1)).bytes();
    byte[] config = Layers.config(List.of(layer, layer), List.of("COPY tool", "COPY tool"))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String a = "a".repeat(64);
    String b = "b".repeat(64);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
      var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(a + "/layer.tar");
      e.setSize(layer.length);
      tar.putArchiveEntry(e);
      tar.write(layer);
      tar.closeArchiveEntry();
      var link = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(b + "/layer.tar",
          org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
      link.setLinkName("../" + a + "/layer.tar");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      byte[] manifest = ("[{\"Config\":\"c.json\",\"Layers\":[\"" + a + "/layer.tar\",\"" + b
          + "/layer.tar\"]}]").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      for (var f : List.of(java.util.Map.entry("c.json", config),
          java.util.Map.entry("manifest.json", manifest))) {
        var x = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(f.getKey());
        x.setSize(f.getValue().length);
        tar.putArchiveEntry(x);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  void layerRepeatedThroughASymlinkIsAppliedTwice() throws Exception {
    byte[] archive = repeatedLayerArchive();
    Path tar = tmp.resolve("repeat.tar");
    Files.write(tar, archive);
    Anatomy fromFile = stack(new ImageArchive(cache(), Events.NONE).load(tar));
    Anatomy fromStream = stack(new SaveStream(new LayerCache(tmp.resolve("c2")), Events.NONE)
        .load(new ByteArrayInputStream(archive), "s"));
    for (Anatomy a : List.of(fromFile, fromStream)) {
      assertEquals(1400, a.storedBytes());
      assertEquals(700, a.layers().get(1).metadataOnlyBytes());
      assertEquals(700, a.finalBytes());
    }
  }

  @Test
  void saveStreamWithManifestAtTheEndIsReadInOnePass() throws Exception {
    byte[] archive = Layers.classic(image(), false);
    LoadedImage img = new SaveStream(cache(), Events.NONE)
        .load(new ByteArrayInputStream(archive), "stream");
    assertImageNumbers(stack(img));
  }

  @Test
  void secondAnalysisReadsNoLayerBytes() throws Exception {
    List<Layer> layers = image();
    Path tar = tmp.resolve("img.tar");
    Files.write(tar, Layers.classic(layers, false));
    long layerBytes = layers.get(0).bytes().length + layers.get(1).bytes().length;
    LoadedImage first = new ImageArchive(cache(), Events.NONE).load(tar);
    LoadedImage second = new ImageArchive(cache(), Events.NONE).load(tar);
    assertEquals(layerBytes, first.layerBytesRead());
    assertEquals(0, second.layerBytesRead());
    assertImageNumbers(stack(second));
  }

  @Test
  void sharedLayerOfAnotherImageIsNotReadAgain() throws Exception {
    List<Layer> layers = image();
    Path one = tmp.resolve("one.tar");
    Files.write(one, Layers.classic(List.of(layers.get(0)), false));
    Path both = tmp.resolve("both.tar");
    Files.write(both, Layers.classic(layers, false));
    new ImageArchive(cache(), Events.NONE).load(one);
    LoadedImage img = new ImageArchive(cache(), Events.NONE).load(both);
    assertEquals(layers.get(1).bytes().length, img.layerBytesRead());
  }

  @Test
  void streamedImageIsFoundInTheCacheByConfigAndDiffIds() throws Exception {
    byte[] archive = Layers.classic(image(), false);
    SaveStream s = new SaveStream(cache(), Events.NONE);
    LoadedImage first = s.load(new ByteArrayInputStream(archive), "stream");
    String configJson = Layers.config(
        List.of(image().get(0).bytes(), image().get(1).bytes()), List.of("a", "b"));
    List<String> ids = first.layers().stream().map(LoadedImage.Layer::digest).toList();
    // the engine's image id is the digest of the config the stream carried
    String imageId = "sha256:" + Layers.sha256(configBytes(archive));
    LoadedImage again = s.fromCache("stream", imageId, ids).orElseThrow();
    assertEquals(0, again.layerBytesRead());
    assertImageNumbers(stack(again));
    assertTrue(configJson.contains("diff_ids"));
  }

  private static byte[] configBytes(byte[] archive) throws Exception {
    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new ByteArrayInputStream(archive))) {
      var e = tar.getNextEntry();
      while (e != null) {
        if (e.getName().endsWith(".json") && !e.getName().contains("/")
            && !e.getName().equals("manifest.json")) {
          return tar.readAllBytes();
        }
        e = tar.getNextEntry();
      }
    }
    throw new AssertionError("no config in archive");
  }

  @Test
  void truncatedArchiveNamesTheLayerAndTheOffset() throws Exception {
    byte[] archive = Layers.classic(image(), true);
    // manifest first, then layer 1: cut inside the busybox content of layer 1
    byte[] cut = Arrays.copyOf(archive, 512 * 12);
    Path tar = tmp.resolve("cut.tar");
    Files.write(tar, cut);
    UsageException e = assertThrows(UsageException.class,
        () -> new ImageArchive(cache(), Events.NONE).load(tar));
    assertTrue(e.getMessage().contains("layer.tar"), e.getMessage());
    assertTrue(e.getMessage().matches(".*at byte \\d+ of the layer.*"), e.getMessage());
  }

  @Test
  void truncatedStreamNamesTheEntryAndTheOffset() throws Exception {
    byte[] archive = Layers.classic(image(), false);
    byte[] cut = Arrays.copyOf(archive, 512 * 10);
    UsageException e = assertThrows(UsageException.class,
        () -> new SaveStream(cache(), Events.NONE).load(new ByteArrayInputStream(cut), "s"));
    assertTrue(e.getMessage().contains("layer.tar"), e.getMessage());
    assertTrue(e.getMessage().contains("byte"), e.getMessage());
  }

  @Test
  void garbageLayerIsReportedAsCorrupt() throws Exception {
    Path dir = tmp.resolve("oci");
    Layers.oci(dir, image(), "gzip");
    try (var files = Files.list(dir.resolve("blobs/sha256"))) {
      for (Path p : files.toList()) {
        byte[] b = Files.readAllBytes(p);
        if ((b[0] & 0xff) == 0x1f) {
          b[b.length / 2] ^= 0x55;
          b[b.length / 2 + 1] ^= 0x55;
          Files.write(p, b);
        }
      }
    }
    UsageException e = assertThrows(UsageException.class,
        () -> new ImageArchive(cache(), Events.NONE).load(dir));
    assertTrue(e.getMessage().contains("blobs/sha256/"), e.getMessage());
  }
}
