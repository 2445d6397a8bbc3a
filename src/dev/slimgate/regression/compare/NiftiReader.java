package dev.slimgate.regression.compare;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads single-file NIfTI-1 (348-byte header, magic "n+1") and NIfTI-2 (540-byte header, magic
 * "n+2") images in either byte order, gzip or not, into a {@link Volume}.
 *
 * <p>Header fields left out of the comparison, because they change between runs or describe
 * storage rather than science: descrip (tools stamp their version and date there), db_name,
 * data_type, extents, session_error, regular, glmin, glmax (unused Analyze 7.5 leftovers),
 * toffset (a time shift that writers fill from the clock or leave as junk), vox_offset and
 * bitpix (storage layout, implied by datatype) and header extensions (history and provenance).
 * The byte order is not compared either: values are compared after decoding.
 */
final class NiftiReader {

  private static final int NIFTI1 = 348;
  private static final int NIFTI2 = 540;

  Volume read(byte[] raw, String what) {
    byte[] bytes = Gzip.open(raw, what);
    if (bytes.length < 4) {
      throw new FormatException(what + " is " + bytes.length + " bytes, too short for NIfTI");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int size = data.getInt(0);
    if (size != NIFTI1 && size != NIFTI2) {
      data.order(ByteOrder.BIG_ENDIAN);
      size = data.getInt(0);
    }
    if (size != NIFTI1 && size != NIFTI2) {
      throw new FormatException(what + " is not NIfTI: sizeof_hdr is neither 348 nor 540");
    }
    if (bytes.length < size) {
      throw new FormatException(what + " ends inside its " + size + "-byte NIfTI header");
    }
    return size == NIFTI1 ? nifti1(data, what) : nifti2(data, what);
  }

  private Volume nifti1(ByteBuffer d, String what) {
    String magic = text(d, 344, 4);
    if (!magic.equals("n+1")) {
      throw new FormatException(what + " has NIfTI-1 magic '" + magic + "', expected n+1"
          + " (separate .hdr/.img pairs are not supported)");
    }
    int ndim = d.getShort(40);
    long[] shape = shape(ndim, i -> d.getShort(42 + 2 * i), what);
    Map<String, Object> h = new LinkedHashMap<>();
    int datatype = d.getShort(70);
    h.put("datatype", Integer.toString(datatype));
    h.put("dim_info", Integer.toString(d.get(39)));
    h.put("intent_p", floats(d, 56, 3));
    h.put("intent_code", Integer.toString(d.getShort(68)));
    h.put("slice_start", Integer.toString(d.getShort(74)));
    h.put("pixdim", floats(d, 76, ndim + 1));
    double slope = d.getFloat(112);
    double inter = d.getFloat(116);
    h.put("scl_slope", new double[] {slope});
    h.put("scl_inter", new double[] {inter});
    h.put("slice_end", Integer.toString(d.getShort(120)));
    h.put("slice_code", Integer.toString(d.get(122)));
    h.put("xyzt_units", Integer.toString(d.get(123)));
    h.put("cal_max", floats(d, 124, 1));
    h.put("cal_min", floats(d, 128, 1));
    h.put("slice_duration", floats(d, 132, 1));
    h.put("aux_file", text(d, 228, 24));
    h.put("qform_code", Integer.toString(d.getShort(252)));
    h.put("sform_code", Integer.toString(d.getShort(254)));
    h.put("quatern", floats(d, 256, 6));
    h.put("srow", floats(d, 280, 12));
    h.put("intent_name", text(d, 328, 16));
    long offset = (long) d.getFloat(108);
    return volume("NIfTI-1", d, shape, h, datatype, Math.max(offset, NIFTI1), slope, inter,
        what);
  }

  private Volume nifti2(ByteBuffer d, String what) {
    String magic = text(d, 4, 3);
    if (!magic.equals("n+2")) {
      throw new FormatException(what + " has NIfTI-2 magic '" + magic + "', expected n+2");
    }
    int ndim = (int) d.getLong(16);
    long[] shape = shape(ndim, i -> d.getLong(24 + 8 * i), what);
    Map<String, Object> h = new LinkedHashMap<>();
    int datatype = d.getShort(12);
    h.put("datatype", Integer.toString(datatype));
    h.put("dim_info", Integer.toString(d.get(524)));
    h.put("intent_p", doubles(d, 80, 3));
    h.put("intent_code", Integer.toString(d.getInt(504)));
    h.put("slice_start", Long.toString(d.getLong(224)));
    h.put("pixdim", doubles(d, 104, ndim + 1));
    double slope = d.getDouble(176);
    double inter = d.getDouble(184);
    h.put("scl_slope", new double[] {slope});
    h.put("scl_inter", new double[] {inter});
    h.put("slice_end", Long.toString(d.getLong(232)));
    h.put("slice_code", Integer.toString(d.getInt(496)));
    h.put("xyzt_units", Integer.toString(d.getInt(500)));
    h.put("cal_max", doubles(d, 192, 1));
    h.put("cal_min", doubles(d, 200, 1));
    h.put("slice_duration", doubles(d, 208, 1));
    h.put("aux_file", text(d, 320, 24));
    h.put("qform_code", Integer.toString(d.getInt(344)));
    h.put("sform_code", Integer.toString(d.getInt(348)));
    h.put("quatern", doubles(d, 352, 6));
    h.put("srow", doubles(d, 400, 12));
    h.put("intent_name", text(d, 508, 16));
    return volume("NIfTI-2", d, shape, h, datatype, Math.max(d.getLong(168), NIFTI2), slope,
        inter, what);
  }

  private static Volume volume(String version, ByteBuffer d, long[] shape,
      Map<String, Object> header, int datatype, long offset, double slope, double inter,
      String what) {
    Sample sample = sample(datatype, what);
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    long end = offset + count * sample.bytes();
    if (end > d.capacity()) {
      throw new FormatException(what + " holds " + (d.capacity() - offset) + " data bytes"
          + " from offset " + offset + ", but its header needs " + (count * sample.bytes()));
    }
    // a 0 slope means unscaled; NaN slopes are written by some tools for the same meaning
    double s = Double.isNaN(slope) ? 0 : slope;
    String order = d.order() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    return new Volume(version + " " + order, shape, header,
        Volume.contiguous(d, (int) offset, sample, s, Double.isNaN(inter) ? 0 : inter));
  }

  private static Sample sample(int datatype, String what) {
    switch (datatype) {
      case 2: return Sample.UINT8;
      case 4: return Sample.INT16;
      case 8: return Sample.INT32;
      case 16: return Sample.FLOAT32;
      case 64: return Sample.FLOAT64;
      case 256: return Sample.INT8;
      case 512: return Sample.UINT16;
      case 768: return Sample.UINT32;
      case 1024: return Sample.INT64;
      case 1280: return Sample.UINT64;
      default:
        // TODO: complex (32, 1792, 2048) and RGB (128, 2304) voxels are not decoded; they
        // should be compared per component. The pipeline writes none of them.
        throw new FormatException(what + " has NIfTI datatype " + datatype + ", which the"
            + " nifti comparator does not decode; compare it with: exact");
    }
  }

  private interface Dim {
    long at(int i);
  }

  private static long[] shape(int ndim, Dim dim, String what) {
    if (ndim < 1 || ndim > 7) {
      throw new FormatException(what + " has dim[0] = " + ndim + ", expected 1 to 7");
    }
    long[] shape = new long[ndim];
    for (int i = 0; i < ndim; i++) {
      shape[i] = dim.at(i);
      if (shape[i] < 0) {
        throw new FormatException(what + " has a negative dimension dim[" + (i + 1) + "]");
      }
    }
    return shape;
  }

  private static double[] floats(ByteBuffer d, int at, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = d.getFloat(at + 4 * i);
    }
    return values;
  }

  private static double[] doubles(ByteBuffer d, int at, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = d.getDouble(at + 8 * i);
    }
    return values;
  }

  private static String text(ByteBuffer d, int at, int n) {
    int end = at;
    while (end < at + n && d.get(end) != 0) {
      end++;
    }
    byte[] chars = new byte[end - at];
    d.get(at, chars);
    return new String(chars, StandardCharsets.ISO_8859_1);
  }
}
