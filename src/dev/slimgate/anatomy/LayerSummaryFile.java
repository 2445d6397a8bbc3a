package dev.slimgate.anatomy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk summary of one layer: its entries in tar order, then its findings and packages.
 * Entries are streamed in and out so that a layer with a million files never sits in memory.
 */
public final class LayerSummaryFile {

  private static final int MAGIC = 0x534c4732; // "SLG2"
  private static final int END_OF_ENTRIES = 0xff;

  private LayerSummaryFile() {}

  /** Writes a summary; {@link #finish} must be called for the file to be readable. */
  public static final class Writer implements Closeable {

    private final DataOutputStream out;

    private long entries;

    public Writer(Path file) throws IOException {
      this.out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      out.writeInt(MAGIC);
    }

    public void entry(LayerEntry e) throws IOException {
      out.writeByte(e.type().ordinal());
      writeString(out, e.path());
      out.writeLong(e.size());
      out.writeInt(e.mode());
      out.writeInt(e.uid());
      out.writeInt(e.gid());
      out.writeLong(e.hashHi());
      out.writeLong(e.hashLo());
      writeString(out, e.link());
      entries++;
    }

    public long entries() {
      return entries;
    }

    /** Writes the trailer: findings, packages and the number of layer bytes that were read. */
    public void finish(List<Finding> findings, List<FoundPackage> packages, long bytesRead)
        throws IOException {
      out.writeByte(END_OF_ENTRIES);
      out.writeInt(findings.size());
      for (Finding f : findings) {
        writeString(out, f.layer());
        writeString(out, f.path());
        writeString(out, f.kind());
        writeString(out, f.detail());
      }
      out.writeInt(packages.size());
      for (FoundPackage f : packages) {
        PackageRecord p = f.record();
        writeString(out, p.manager());
        writeString(out, p.name());
        writeString(out, p.version());
        out.writeLong(p.bytes());
        writeString(out, p.source());
        writeString(out, f.base());
        writeString(out, f.files());
      }
      out.writeLong(bytesRead);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** Reads entries one at a time, then the trailer. */
  public static final class Reader implements Closeable {

    private final Path file;
    private final DataInputStream in;

    private boolean entriesDone;
    private List<Finding> findings;
    private List<FoundPackage> packages;
    private long bytesRead;

    public Reader(Path file) throws IOException {
      this.file = file;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      if (in.readInt() != MAGIC) {
        throw new IOException("not a layer summary: " + file);
      }
    }

    /** The next entry, or null after the last one. */
    public LayerEntry next() throws IOException {
      if (entriesDone) {
        return null;
      }
      int type;
      try {
        type = in.readUnsignedByte();
      } catch (EOFException e) {
        throw new IOException("layer summary " + file + " ends early", e);
      }
      if (type == END_OF_ENTRIES) {
        entriesDone = true;
        readTrailer();
        return null;
      }
      return new LayerEntry(EntryType.of(type), readString(in), in.readLong(), in.readInt(),
          in.readInt(), in.readInt(), in.readLong(), in.readLong(), readString(in));
    }

    /** Findings of the layer; reads past the remaining entries if needed. */
    public List<Finding> findings() throws IOException {
      drain();
      return findings;
    }

    List<FoundPackage> packages() throws IOException {
      drain();
      return packages;
    }

    public long bytesRead() throws IOException {
      drain();
      return bytesRead;
    }

    private void drain() throws IOException {
      while (!entriesDone) {
        next();
      }
    }

    private void readTrailer() throws IOException {
      int n = in.readInt();
      findings = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        findings.add(new Finding(readString(in), readString(in), readString(in), readString(in)));
      }
      int p = in.readInt();
      packages = new ArrayList<>(p);
      for (int i = 0; i < p; i++) {
        packages.add(new FoundPackage(new PackageRecord(readString(in), readString(in),
            readString(in), in.readLong(), readString(in)), readString(in), readString(in)));
      }
      bytesRead = in.readLong();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
