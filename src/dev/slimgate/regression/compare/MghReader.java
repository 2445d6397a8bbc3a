package dev.slimgate.regression.compare;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads FreeSurfer MGH and MGZ (gzip MGH) volumes: a big-endian 284-byte header (version 1,
 * width, height, depth, nframes, type, dof, goodRASFlag, then spacing, direction cosines and
 * centre when the flag is set), followed by the voxels with the first axis fastest.
 *
 * <p>The optional tags after the voxels (scan parameters, command lines with paths and dates)
 * are not compared: FreeSurfer appends the command history of every run there.
 */
final class MghReader {

  private static final int HEADER = 284;

  Volume read(byte[] raw, String what) {
    byte[] bytes = Gzip.open(raw, what);
    if (bytes.length < HEADER) {
      throw new FormatException(what + " is " + bytes.length + " bytes, shorter than the "
          + HEADER + "-byte MGH header");
    }
    ByteBuffer d = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int version = d.getInt(0);
    if (version != 1) {
      throw new FormatException(what + " has MGH version " + version + ", expected 1");
    }
    int frames = d.getInt(16);
    long[] shape = frames > 1
        ? new long[] {d.getInt(4), d.getInt(8), d.getInt(12), frames}
        : new long[] {d.getInt(4), d.getInt(8), d.getInt(12)};
    for (long s : shape) {
      if (s < 0) {
        throw new FormatException(what + " has a negative MGH dimension");
      }
    }
    int type = d.getInt(20);
    Sample sample = sample(type, what);
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("type", Integer.toString(type));
    h.put("dof", Integer.toString(d.getInt(24)));
    int good = d.getShort(28);
    h.put("goodRASFlag", Integer.toString(good));
    if (good > 0) {
      h.put("spacing", floats(d, 30, 3));
      h.put("Mdc", floats(d, 42, 9));
      h.put("c_ras", floats(d, 78, 3));
    }
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    if (HEADER + count * sample.bytes() > bytes.length) {
      throw new FormatException(what + " holds " + (bytes.length - HEADER) + " data bytes,"
          + " but its header needs " + (count * sample.bytes()));
    }
    return new Volume("MGH", shape, h, Volume.contiguous(d, HEADER, sample, 1, 0));
  }

  private static Sample sample(int type, String what) {
    switch (type) {
      case 0: return Sample.UINT8;
      case 1: return Sample.INT32;
      case 3: return Sample.FLOAT32;
      case 4: return Sample.INT16;
      default:
        throw new FormatException(what + " has MGH type " + type
            + ", expected 0 (UCHAR), 1 (INT), 3 (FLOAT) or 4 (SHORT)");
    }
  }

  private static double[] floats(ByteBuffer d, int at, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = d.getFloat(at + 4 * i);
    }
    return values;
  }
}
