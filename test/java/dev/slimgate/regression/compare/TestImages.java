package dev.slimgate.regression.compare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes tiny images in memory, from the format specifications, so that the comparators are
 * tested against bytes laid out independently of the readers under test.
 */
public final class TestImages {

  /** NIfTI datatype codes used by the tests. */
  public static final int UINT8 = 2;
  public static final int INT16 = 4;
  public static final int INT32 = 8;
  public static final int FLOAT32 = 16;
  public static final int FLOAT64 = 64;

  private TestImages() {}

  /** A single-file NIfTI-1 image with the given values, first axis fastest. */
  public static byte[] nifti1(int[] dims, int datatype, double[] values, ByteOrder order,
      String descrip) {
    int bytes = bytes(datatype);
    ByteBuffer b = ByteBuffer.allocate(352 + values.length * bytes).order(order);
    b.putInt(0, 348);
    b.putShort(40, (short) dims.length);
    for (int i = 0; i < dims.length; i++) {
      b.putShort(42 + 2 * i, (short) dims[i]);
    }
    b.putShort(70, (short) datatype);
    b.putShort(72, (short) (bytes * 8));
    b.putFloat(76, 1f);
    for (int i = 0; i < dims.length; i++) {
      b.putFloat(80 + 4 * i, 2f);
    }
    b.putFloat(108, 352f);
    b.putFloat(112, 1f);
    put(b, 148, descrip);
    b.putShort(254, (short) 1);
    b.putFloat(280, 2f);
    b.putFloat(300, 2f);
    b.putFloat(320, 2f);
    put(b, 344, "n+1");
    values(b, 352, datatype, values);
    return b.array();
  }

  /** A single-file NIfTI-2 image with the given values, first axis fastest. */
  public static byte[] nifti2(int[] dims, int datatype, double[] values, ByteOrder order,
      String descrip) {
    int bytes = bytes(datatype);
    ByteBuffer b = ByteBuffer.allocate(544 + values.length * bytes).order(order);
    b.putInt(0, 540);
    byte[] magic = {'n', '+', '2', 0, '\r', '\n', 0x1a, '\n'};
    for (int i = 0; i < 8; i++) {
      b.put(4 + i, magic[i]);
    }
    b.putShort(12, (short) datatype);
    b.putShort(14, (short) (bytes * 8));
    b.putLong(16, dims.length);
    for (int i = 0; i < dims.length; i++) {
      b.putLong(24 + 8 * i, dims[i]);
    }
    b.putDouble(104, 1);
    for (int i = 0; i < dims.length; i++) {
      b.putDouble(112 + 8 * i, 2);
    }
    b.putLong(168, 544);
    b.putDouble(176, 1);
    put(b, 240, descrip);
    b.putInt(348, 1);
    b.putDouble(400, 2);
    b.putDouble(440, 2);
    b.putDouble(480, 2);
    values(b, 544, datatype, values);
    return b.array();
  }

  /** A FreeSurfer MGH volume (big-endian); type 0 UCHAR, 1 INT, 3 FLOAT, 4 SHORT. */
  public static byte[] mgh(int[] dims, int type, double[] values, float spacing) {
    int datatype = type == 0 ? UINT8 : type == 1 ? INT32 : type == 3 ? FLOAT32 : INT16;
    int bytes = bytes(datatype);
    // tags after the voxels: FreeSurfer appends scan parameters and command lines there
    byte[] tail = "tag: mri_convert in.nii out.mgz 2026-12-04".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(284 + values.length * bytes + tail.length)
        .order(ByteOrder.BIG_ENDIAN);
    b.putInt(0, 1);
    for (int i = 0; i < 4; i++) {
      b.putInt(4 + 4 * i, i < dims.length ? dims[i] : 1);
    }
    b.putInt(20, type);
    b.putShort(28, (short) 1);
    for (int i = 0; i < 3; i++) {
      b.putFloat(30 + 4 * i, spacing);
    }
    b.putFloat(42, -1f);
    b.putFloat(62, -1f);
    b.putFloat(66, 1f);
    values(b, 284, datatype, values);
    b.put(284 + values.length * bytes, tail);
    return b.array();
  }

  /**
   * An MRtrix .mif image. {@code layout} as in the header (e.g. "+0,+1,+2" or "-0,+2,+1");
   * {@code values} are given first axis fastest and stored in the layout's order.
   */
  public static byte[] mif(int[] dims, String datatype, String layout, double[] values,
      String extraHeader) {
    StringBuilder head = new StringBuilder("mrtrix image\n");
    head.append("dim: ").append(join(dims)).append('\n');
    head.append("vox: 2,2,2").append(dims.length > 3 ? ",1" : "").append('\n');
    head.append("layout: ").append(layout).append('\n');
    head.append("datatype: ").append(datatype).append('\n');
    head.append("transform: 1,0,0,-10\ntransform: 0,1,0,-10\ntransform: 0,0,1,-10\n");
    head.append(extraHeader);
    String fixed = head.toString();
    // the offset is written in the header, so its digits decide where the data starts
    int offset = fixed.length() + "file: . 0000\nEND\n".length();
    offset = (offset + 15) / 16 * 16;
    String full = fixed + "file: . " + offset + "\nEND\n";
    int datatypeCode = datatypeCode(datatype);
    ByteOrder order = datatype.endsWith("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    ByteBuffer b = ByteBuffer.allocate(offset + values.length * bytes(datatypeCode)).order(order);
    b.put(0, full.getBytes(StandardCharsets.ISO_8859_1));
    double[] stored = new double[values.length];
    long[] strides = strides(dims, layout.split(","));
    long start = 0;
    for (int a = 0; a < dims.length; a++) {
      if (strides[a] < 0) {
        start += -strides[a] * (dims[a] - 1);
      }
    }
    for (int i = 0; i < values.length; i++) {
      long rest = i;
      long at = start;
      for (int a = 0; a < dims.length; a++) {
        at += (rest % dims[a]) * strides[a];
        rest /= dims[a];
      }
      stored[(int) at] = values[i];
    }
    values(b, offset, datatypeCode, stored);
    return b.array();
  }

  public static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** 0, 1, 2, ... n-1 plus {@code base}. */
  public static double[] ramp(int n, double base) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = base + i;
    }
    return values;
  }

  /** A copy of {@code values} with one value changed. */
  public static double[] with(double[] values, int index, double value) {
    double[] copy = values.clone();
    copy[index] = value;
    return copy;
  }

  private static long[] strides(int[] dims, String[] layout) {
    long[] strides = new long[dims.length];
    for (int a = 0; a < dims.length; a++) {
      int rank = Math.abs(Integer.parseInt(layout[a].replace("+", "").replace("-", "")));
      long stride = 1;
      for (int o = 0; o < dims.length; o++) {
        int r = Math.abs(Integer.parseInt(layout[o].replace("+", "").replace("-", "")));
        if (r < rank) {
          stride *= dims[o];
        }
      }
      strides[a] = layout[a].startsWith("-") ? -stride : stride;
    }
    return strides;
  }

  private static int datatypeCode(String mif) {
    String base = mif.toLowerCase().replaceAll("(le|be)$", "");
    switch (base) {
      case "uint8": return UINT8;
      case "int16": return INT16;
      case "int32": return INT32;
      case "float32": return FLOAT32;
      case "float64": return FLOAT64;
      default: throw new IllegalArgumentException(mif);
    }
  }

  private static int bytes(int datatype) {
    switch (datatype) {
      case UINT8: return 1;
      case INT16: return 2;
      case INT32: case FLOAT32: return 4;
      case FLOAT64: return 8;
      default: throw new IllegalArgumentException("datatype " + datatype);
    }
  }

  private static void values(ByteBuffer b, int at, int datatype, double[] values) {
    int size = bytes(datatype);
    for (int i = 0; i < values.length; i++) {
      int p = at + i * size;
      switch (datatype) {
        case UINT8: b.put(p, (byte) values[i]); break;
        case INT16: b.putShort(p, (short) values[i]); break;
        case INT32: b.putInt(p, (int) values[i]); break;
        case FLOAT32: b.putFloat(p, (float) values[i]); break;
        default: b.putDouble(p, values[i]); break;
      }
    }
  }

  private static void put(ByteBuffer b, int at, String text) {
    b.put(at, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String join(int[] dims) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      text.append(i == 0 ? "" : ",").append(dims[i]);
    }
    return text.toString();
  }
}
