package dev.slimgate.regression.compare;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image read from NIfTI, MRtrix or MGH: its shape, the header fields that carry scientific
 * meaning (already stripped of descriptions, time stamps and storage details), and its values
 * addressed by voxel coordinates.
 *
 * @param format e.g. "NIfTI-1 little-endian", for messages
 * @param shape size along each axis, first axis first
 * @param header field name to value: a String, or a double[] compared with tolerance
 * @param values the scaled voxel values
 */
record Volume(String format, long[] shape, Map<String, Object> header, Values values) {

  /** Voxel values by linear index in coordinate order, the first axis varying fastest. */
  interface Values {
    double get(long index);
  }

  Volume {
    header = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(header));
  }

  long count() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** Values stored with the first axis fastest, as NIfTI and MGH store them. */
  static Values contiguous(ByteBuffer data, int offset, Sample sample, double slope,
      double inter) {
    int size = sample.bytes();
    if (slope == 0 || (slope == 1 && inter == 0)) {
      // NIfTI: a slope of 0 means "no scaling"
      return i -> sample.read(data, offset + (int) (i * size));
    }
    return i -> sample.read(data, offset + (int) (i * size)) * slope + inter;
  }

  /** "(i,j,k)" for a linear index in coordinate order. */
  String voxel(long index) {
    StringBuilder text = new StringBuilder("voxel (");
    long rest = index;
    for (int axis = 0; axis < shape.length; axis++) {
      long size = Math.max(1, shape[axis]);
      text.append(axis == 0 ? "" : ",").append(rest % size);
      rest /= size;
    }
    return text.append(')').toString();
  }

  static String shapeText(long[] shape) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      text.append(i == 0 ? "" : "x").append(shape[i]);
    }
    return text.toString();
  }
}
