package dev.slimgate.regression.compare;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads single-file MRtrix images (.mif, and .mif.gz): a text header that starts with the line
 * "mrtrix image" and ends with "END", of "key: value" lines (dim, vox, layout, datatype,
 * "file: . OFFSET", and optional transform, scaling, dw_scheme and others), then the voxels in
 * the order the layout gives.
 *
 * <p>Not compared: command_history and mrtrix_version (provenance that names the software
 * version and the paths of each run), comments, file and layout (storage: values are compared
 * by voxel coordinate) and the byte order of datatype.
 */
final class MifReader {

  private static final Set<String> IGNORED =
      Set.of("command_history", "mrtrix_version", "comments", "file", "layout", "dim",
          "datatype", "scaling");

  Volume read(byte[] raw, String what) {
    byte[] bytes = Gzip.open(raw, what);
    Map<String, List<String>> keys = header(bytes, what);
    long[] shape = longs(required(keys, "dim", what), what, "dim");
    String[] layout = required(keys, "layout", what).split(",");
    if (layout.length != shape.length) {
      throw new FormatException(what + " has " + layout.length + " layout entries for "
          + shape.length + " dimensions");
    }
    String datatype = required(keys, "datatype", what);
    ByteOrder order = datatype.toLowerCase(Locale.ROOT).endsWith("be")
        ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    Sample sample = sample(datatype, what);
    String[] file = required(keys, "file", what).trim().split("\\s+");
    if (file.length != 2 || !file[0].equals(".")) {
      throw new FormatException(what + " stores its data in '" + file[0] + "'; only"
          + " single-file images (file: . OFFSET) are supported");
    }
    long offset = Long.parseLong(file[1]);
    double slope = 1;
    double inter = 0;
    if (keys.containsKey("scaling")) {
      double[] scaling = numbers(keys.get("scaling").get(0), what, "scaling");
      inter = scaling[0];
      slope = scaling.length > 1 ? scaling[1] : 1;
    }
    long[] strides = strides(shape, layout, what);
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    if (offset + count * sample.bytes() > bytes.length) {
      throw new FormatException(what + " holds " + (bytes.length - offset) + " data bytes"
          + " from offset " + offset + ", but its header needs " + (count * sample.bytes()));
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("datatype", datatype.replaceAll("(?i)(le|be)$", ""));
    for (Map.Entry<String, List<String>> e : keys.entrySet()) {
      if (IGNORED.contains(e.getKey())) {
        continue;
      }
      String joined = String.join(",", e.getValue());
      h.put(e.getKey(), numeric(e.getKey()) ? numbers(joined, what, e.getKey()) : joined);
    }
    ByteBuffer d = ByteBuffer.wrap(bytes).order(order);
    int size = sample.bytes();
    double s = slope;
    double o = inter;
    long[] start = new long[] {0};
    for (int axis = 0; axis < shape.length; axis++) {
      if (strides[axis] < 0) {
        start[0] += -strides[axis] * (shape[axis] - 1);
      }
    }
    Volume.Values values = i -> {
      long rest = i;
      long at = start[0];
      for (int axis = 0; axis < shape.length; axis++) {
        long size1 = Math.max(1, shape[axis]);
        at += (rest % size1) * strides[axis];
        rest /= size1;
      }
      return sample.read(d, (int) (offset + at * size)) * s + o;
    };
    return new Volume("MRtrix " + datatype, shape, h, values);
  }

  private static boolean numeric(String key) {
    return key.equals("vox") || key.equals("transform") || key.equals("dw_scheme");
  }

  private static Map<String, List<String>> header(byte[] bytes, String what) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1 << 20),
        StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].equals("mrtrix image")) {
      throw new FormatException(what + " does not start with the line 'mrtrix image'");
    }
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.equals("END")) {
        return keys;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      keys.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    throw new FormatException(what + " has no END line in its first MiB of header");
  }

  private static String required(Map<String, List<String>> keys, String key, String what) {
    List<String> values = keys.get(key);
    if (values == null) {
      throw new FormatException(what + " lacks the required MRtrix header key '" + key + "'");
    }
    return values.get(0);
  }

  /** Element strides per axis, negative for axes stored in reverse. */
  private static long[] strides(long[] shape, String[] layout, String what) {
    int n = shape.length;
    int[] rank = new int[n];
    boolean[] reverse = new boolean[n];
    for (int axis = 0; axis < n; axis++) {
      String token = layout[axis].trim();
      reverse[axis] = token.startsWith("-");
      try {
        rank[axis] = Math.abs(Integer.parseInt(token.replace("+", "").replace("-", "")));
      } catch (NumberFormatException e) {
        throw new FormatException(what + " has layout entry '" + token + "', expected +N or -N");
      }
    }
    long[] strides = new long[n];
    for (int axis = 0; axis < n; axis++) {
      long stride = 1;
      for (int other = 0; other < n; other++) {
        if (rank[other] < rank[axis] || (rank[other] == rank[axis] && other < axis)) {
          stride *= shape[other];
        }
      }
      strides[axis] = reverse[axis] ? -stride : stride;
    }
    return strides;
  }

  private static Sample sample(String datatype, String what) {
    String base = datatype.toLowerCase(Locale.ROOT).replaceAll("(le|be)$", "");
    switch (base) {
      case "uint8": return Sample.UINT8;
      case "int8": return Sample.INT8;
      case "uint16": return Sample.UINT16;
      case "int16": return Sample.INT16;
      case "uint32": return Sample.UINT32;
      case "int32": return Sample.INT32;
      case "uint64": return Sample.UINT64;
      case "int64": return Sample.INT64;
      case "float32": return Sample.FLOAT32;
      case "float64": return Sample.FLOAT64;
      default:
        // TODO: Bit and complex (CFloat32/64) data are not decoded; they should be compared
        // bit by bit and per component. The pipeline's outputs use none of them.
        throw new FormatException(what + " has MRtrix datatype " + datatype + ", which the mif"
            + " comparator does not decode; compare it with: exact");
    }
  }

  /** MRtrix writes "nan" and "inf" in lower case, which Double.parseDouble refuses. */
  static double parse(String token) {
    switch (token.toLowerCase(Locale.ROOT)) {
      case "nan": return Double.NaN;
      case "inf": case "+inf": return Double.POSITIVE_INFINITY;
      case "-inf": return Double.NEGATIVE_INFINITY;
      default: return Double.parseDouble(token);
    }
  }

  private static long[] longs(String text, String what, String key) {
    String[] parts = text.split(",");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Long.parseLong(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new FormatException(what + " has " + key + " '" + text + "', expected integers");
      }
    }
    return values;
  }

  private static double[] numbers(String text, String what, String key) {
    String[] parts = text.split("[,\\s]+");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = parse(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new FormatException(what + " has " + key + " '" + text + "', expected numbers");
      }
    }
    return values;
  }
}
