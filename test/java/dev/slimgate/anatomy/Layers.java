package dev.slimgate.anatomy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tiny layer tars and whole saved images in memory, with the layouts Docker writes. */
final class Layers {

  private Layers() {}

  /** Deterministic bytes that differ per seed, so no two test files collide by accident. */
  static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** One layer tar under construction. */
  static final class Layer {
    final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    final TarArchiveOutputStream tar;
    String createdBy = "RUN test";

    Layer() {
      tar = new TarArchiveOutputStream(buf);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    Layer by(String instruction) {
      createdBy = instruction;
      return this;
    }

    Layer dir(String path) throws IOException {
      tar.putArchiveEntry(new TarArchiveEntry(path + "/"));
      tar.closeArchiveEntry();
      return this;
    }

    Layer file(String path, byte[] content) throws IOException {
      return file(path, content, 0644);
    }

    Layer file(String path, String content) throws IOException {
      return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
    }

    Layer file(String path, byte[] content, int mode) throws IOException {
      // keep a leading '/' as a hostile archive would have it
      TarArchiveEntry e = new TarArchiveEntry(path, true);
      e.setSize(content.length);
      e.setMode(0100000 | mode);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    }

    Layer symlink(String path, String target) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    Layer hardlink(String path, String target) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_LINK);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    Layer whiteout(String path) throws IOException {
      int slash = path.lastIndexOf('/');
      return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), new byte[0]);
    }

    Layer opaque(String dir) throws IOException {
      return file(dir + "/.wh..wh..opq", new byte[0]);
    }

    Layer device(String path) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(path, TarConstants.LF_CHR);
      e.setDevMajor(1);
      e.setDevMinor(3);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    private byte[] done;

    byte[] bytes() throws IOException {
      if (done == null) {
        tar.finish();
        done = buf.toByteArray();
      }
      return done;
    }
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static String config(List<byte[]> layers, List<String> createdBy) throws Exception {
    StringBuilder ids = new StringBuilder();
    StringBuilder hist = new StringBuilder();
    for (int i = 0; i < layers.size(); i++) {
      ids.append(i == 0 ? "" : ",").append("\"sha256:").append(sha256(layers.get(i))).append('"');
      hist.append(i == 0 ? "" : ",").append("{\"created_by\":\"").append(createdBy.get(i))
          .append("\"},{\"created_by\":\"ENV X=").append(i).append("\",\"empty_layer\":true}");
    }
    return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[" + ids + "]},\"history\":[" + hist + "]}";
  }

  /**
   * A classic {@code docker save} archive: {@code <id>/layer.tar} first, then the config and
   * {@code manifest.json} at the end, as Docker 20.10 writes it (or first, when asked).
   */
  static byte[] classic(List<Layer> layers, boolean manifestFirst) throws Exception {
    List<byte[]> blobs = new ArrayList<>();
    List<String> created = new ArrayList<>();
    for (Layer l : layers) {
      blobs.add(l.bytes());
      created.add(l.createdBy);
    }
    byte[] config = config(blobs, created).getBytes(StandardCharsets.UTF_8);
    String configName = sha256(config) + ".json";
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < blobs.size(); i++) {
      names.append(i == 0 ? "" : ",").append('"').append(String.format("%064d", i + 1))
          .append("/layer.tar\"");
    }
    byte[] manifest = ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"t:1\"],\"Layers\":["
        + names + "]}]").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      if (manifestFirst) {
        put(tar, "manifest.json", manifest);
      }
      for (int i = 0; i < blobs.size(); i++) {
        String id = String.format("%064d", i + 1);
        put(tar, id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
        put(tar, id + "/json", "{}".getBytes(StandardCharsets.UTF_8));
        put(tar, id + "/layer.tar", blobs.get(i));
      }
      put(tar, configName, config);
      if (!manifestFirst) {
        put(tar, "manifest.json", manifest);
      }
    }
    return out.toByteArray();
  }

  /** An OCI image layout directory with gzip or zstd compressed layers. */
  static void oci(Path dir, List<Layer> layers, String compression) throws Exception {
    Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
    List<byte[]> raw = new ArrayList<>();
    List<String> created = new ArrayList<>();
    StringBuilder layerJson = new StringBuilder();
    for (Layer l : layers) {
      byte[] b = l.bytes();
      raw.add(b);
      created.add(l.createdBy);
      byte[] packed = compress(b, compression);
      String d = sha256(packed);
      Files.write(blobs.resolve(d), packed);
      layerJson.append(layerJson.length() == 0 ? "" : ",")
          .append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+").append(compression)
          .append("\",\"digest\":\"sha256:").append(d).append("\",\"size\":")
          .append(packed.length).append('}');
    }
    byte[] config = config(raw, created).getBytes(StandardCharsets.UTF_8);
    String cd = sha256(config);
    Files.write(blobs.resolve(cd), config);
    byte[] manifest = ("{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:" + cd
        + "\"},\"layers\":[" + layerJson + "]}").getBytes(StandardCharsets.UTF_8);
    String md = sha256(manifest);
    Files.write(blobs.resolve(md), manifest);
    Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":"
        + "[{\"digest\":\"sha256:" + md + "\"}]}");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  private static byte[] compress(byte[] b, String how) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = how.equals("gzip") ? new GZIPOutputStream(out)
        : new ZstdOutputStream(out)) {
      z.write(b);
    }
    return out.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
