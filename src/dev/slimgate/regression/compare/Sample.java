package dev.slimgate.regression.compare;

import java.nio.ByteBuffer;

/** The numeric types voxel data is stored in, with their size and how to read one value. */
enum Sample {
  UINT8(1),
  INT8(1),
  UINT16(2),
  INT16(2),
  UINT32(4),
  INT32(4),
  UINT64(8),
  INT64(8),
  FLOAT32(4),
  FLOAT64(8);

  private final int bytes;

  Sample(int bytes) {
    this.bytes = bytes;
  }

  int bytes() {
    return bytes;
  }

  /** Reads the value at byte position {@code at}; the buffer's order gives the endianness. */
  double read(ByteBuffer data, int at) {
    switch (this) {
      case UINT8:
        return data.get(at) & 0xff;
      case INT8:
        return data.get(at);
      case UINT16:
        return data.getShort(at) & 0xffff;
      case INT16:
        return data.getShort(at);
      case UINT32:
        return data.getInt(at) & 0xffffffffL;
      case INT32:
        return data.getInt(at);
      case UINT64:
        long u = data.getLong(at);
        // unsigned 64-bit values beyond Long.MAX_VALUE: add 2^64 back
        return u >= 0 ? u : (double) (u >>> 1) * 2.0 + (u & 1);
      case INT64:
        return data.getLong(at);
      case FLOAT32:
        return data.getFloat(at);
      case FLOAT64:
        return data.getDouble(at);
      default:
        throw new IllegalStateException("unknown sample type " + this);
    }
  }
}
