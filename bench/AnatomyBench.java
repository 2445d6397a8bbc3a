import dev.slimgate.anatomy.Analysis;
import dev.slimgate.anatomy.Anatomy;
import dev.slimgate.anatomy.ImageArchive;
import dev.slimgate.anatomy.LayerCache;
import dev.slimgate.anatomy.LoadedImage;
import dev.slimgate.anatomy.SaveStream;
import dev.slimgate.anatomy.Stacker;
import dev.slimgate.core.Events;
import dev.slimgate.docker.DockerConnection;
import dev.slimgate.docker.ImageExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Benchmark driver for bench/run. Modes:
 * <ul>
 *   <li>{@code analyze IMAGE CACHE}: analyses an engine image with an empty cache and prints the
 *       in-process time, for comparison with {@code docker save IMAGE > /dev/null};
 *   <li>{@code generate FILE FILES}: writes a docker save archive (classic layout) with FILES
 *       files;
 *   <li>{@code heap FILE CACHE}: analyses that archive and prints peak and live heap.
 * </ul>
 * It prints measurements only; bench/run computes and prints the ratios.
 */
public final class AnatomyBench {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "analyze" -> analyze(args[1], Path.of(args[2]));
      case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
      case "heap" -> heap(Path.of(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException("mode: analyze | generate | heap");
    }
  }

  private static void analyze(String image, Path cacheDir) throws Exception {
    long t0 = System.nanoTime();
    ImageExport export = new ImageExport(DockerConnection.open());
    long connected = System.nanoTime();
    LoadedImage img;
    try (InputStream in = export.save(image)) {
      img = new SaveStream(new LayerCache(cacheDir), Events.NONE).load(in, image);
    }
    Analysis a = new Stacker(Map.of()).stack(img);
    long t1 = System.nanoTime();
    Anatomy an = a.anatomy();
    System.out.printf(Locale.ROOT, "analysis_seconds %.3f%n", (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "after_connect_seconds %.3f%n", (t1 - connected) / 1e9);
    System.out.printf(Locale.ROOT, "layer_bytes_read %d%n", an.layerBytesRead());
    System.out.printf(Locale.ROOT, "final_files %d%n", an.finalFiles());
    System.out.printf(Locale.ROOT, "final_bytes %d%n", an.finalBytes());
  }

  /** The largest heap in use right after any collection: what the analysis really held. */
  private static final class LiveHeapWatch implements javax.management.NotificationListener {
    final java.util.Set<String> heapPools = new java.util.HashSet<>();
    long max;

    LiveHeapWatch() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((javax.management.NotificationEmitter) gc).addNotificationListener(this, null, null);
      }
    }

    @Override
    public synchronized void handleNotification(javax.management.Notification n, Object h) {
      if (!n.getType().equals(
          com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      var info = com.sun.management.GarbageCollectionNotificationInfo.from(
          (javax.management.openmbean.CompositeData) n.getUserData());
      long used = 0;
      for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        // the map also holds metaspace and code cache: count the heap pools only
        if (heapPools.contains(e.getKey())) {
          used += e.getValue().getUsed();
        }
      }
      max = Math.max(max, used);
    }
  }

  private static void heap(Path archive, Path cacheDir) throws Exception {
    LiveHeapWatch watch = new LiveHeapWatch();
    long t0 = System.nanoTime();
    LoadedImage img = new ImageArchive(new LayerCache(cacheDir), Events.NONE).load(archive);
    Analysis a = new Stacker(Map.of("tree", java.util.List.of("/usr/share"))).stack(img);
    long t1 = System.nanoTime();
    long peak = 0;
    long peakAfterGc = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
        if (pool.getCollectionUsage() != null) {
          peakAfterGc += pool.getCollectionUsage().getUsed();
        }
      }
    }
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Thread.sleep(200);
    synchronized (watch) {
      System.out.printf(Locale.ROOT, "peak_live_heap_bytes %d%n", Math.max(watch.max, live));
    }
    System.out.printf(Locale.ROOT, "analysis_seconds %.3f%n", (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "final_files %d%n", a.anatomy().finalFiles());
    System.out.printf(Locale.ROOT, "peak_heap_bytes %d%n", peak);
    System.out.printf(Locale.ROOT, "live_heap_after_gc_bytes %d%n", live);
    System.out.printf(Locale.ROOT, "max_heap_bytes %d%n", Runtime.getRuntime().maxMemory());
    // keep the result reachable until the live heap was measured
    System.out.printf(Locale.ROOT, "duplicate_trees %d%n", a.anatomy().duplicateTrees().size());
  }

  /**
   * Layer 1: FILES files of 0 to 255 bytes in directories of 1000, with one duplicated tree.
   * Layer 2: overwrites, whiteouts and an opaque directory, so every code path runs at scale.
   */
  private static void generate(Path file, int files) throws Exception {
    Random r = new Random(42);
    Path l1 = Files.createTempFile(file.getParent(), "layer1-", ".tar");
    Path l2 = Files.createTempFile(file.getParent(), "layer2-", ".tar");
    try (TarArchiveOutputStream t = tar(Files.newOutputStream(l1))) {
      int dirs = (files + 999) / 1000;
      for (int d = 0; d < dirs; d++) {
        String dir = String.format("usr/share/pkg%05d", d);
        dirEntry(t, dir);
        for (int f = 0; f < 1000 && d * 1000 + f < files; f++) {
          byte[] content = new byte[r.nextInt(256)];
          r.nextBytes(content);
          if (d == 1) {
            // pkg00001 repeats pkg00000 exactly: a duplicate tree
            content = new byte[(f * 7) % 256];
            new Random(f).nextBytes(content);
          } else if (d == 0) {
            content = new byte[(f * 7) % 256];
            new Random(f).nextBytes(content);
          }
          fileEntry(t, String.format("%s/file-%06d.dat", dir, f), content);
        }
      }
    }
    try (TarArchiveOutputStream t = tar(Files.newOutputStream(l2))) {
      for (int d = 2; d < 12; d++) {
        fileEntry(t, String.format("usr/share/pkg%05d/file-%06d.dat", d, 1), new byte[100]);
        fileEntry(t, String.format("usr/share/pkg%05d/.wh.file-%06d.dat", d, 2), new byte[0]);
      }
      fileEntry(t, "usr/share/.wh.pkg00020", new byte[0]);
      dirEntry(t, "usr/share/pkg00021");
      fileEntry(t, "usr/share/pkg00021/.wh..wh..opq", new byte[0]);
    }
    String d1 = sha256(l1);
    String d2 = sha256(l2);
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[\"sha256:" + d1 + "\",\"sha256:" + d2 + "\"]},\"history\":["
        + "{\"created_by\":\"COPY million files\"},{\"created_by\":\"RUN changes\"}]}";
    byte[] cfg = config.getBytes(StandardCharsets.UTF_8);
    String cfgName = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cfg))
        + ".json";
    String manifest = "[{\"Config\":\"" + cfgName + "\",\"RepoTags\":[\"bench:million\"],"
        + "\"Layers\":[\"" + d1 + "/layer.tar\",\"" + d2 + "/layer.tar\"]}]";
    try (TarArchiveOutputStream t = tar(Files.newOutputStream(file))) {
      copyEntry(t, d1 + "/layer.tar", l1);
      copyEntry(t, d2 + "/layer.tar", l2);
      fileEntry(t, cfgName, cfg);
      fileEntry(t, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    }
    Files.delete(l1);
    Files.delete(l2);
    System.out.printf(Locale.ROOT, "generated %s with %d files, %d bytes%n", file, files,
        Files.size(file));
  }

  private static TarArchiveOutputStream tar(OutputStream out) {
    TarArchiveOutputStream t = new TarArchiveOutputStream(new BufferedOutputStream(out, 1 << 20));
    t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    return t;
  }

  private static void dirEntry(TarArchiveOutputStream t, String name) throws IOException {
    t.putArchiveEntry(new TarArchiveEntry(name + "/"));
    t.closeArchiveEntry();
  }

  private static void fileEntry(TarArchiveOutputStream t, String name, byte[] content)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(content.length);
    t.putArchiveEntry(e);
    t.write(content);
    t.closeArchiveEntry();
  }

  private static void copyEntry(TarArchiveOutputStream t, String name, Path file)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(Files.size(file));
    t.putArchiveEntry(e);
    Files.copy(file, t);
    t.closeArchiveEntry();
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
