package dev.slimgate.regression.compare;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Decompresses gzip content recognised by its magic bytes, whatever the file is called. */
final class Gzip {

  private Gzip() {}

  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /** The content itself when it is not gzip, else the decompressed bytes. */
  static byte[] open(byte[] bytes, String what) {
    if (!isGzip(bytes)) {
      return bytes;
    }
    // GZIPInputStream also reads concatenated members, which some writers produce
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException | OutOfMemoryError e) {
      throw new FormatException(what + " starts like gzip but does not decompress: "
          + e.getMessage());
    }
  }
}
