package dev.slimgate.anatomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

  @Test
  void passesEveryByteInOrder() throws Exception {
    byte[] data = Layers.bytes(100_003, 5);
    try (ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data),
        1000, 3)) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void failureOfTheSourceReachesTheReaderAfterTheBytesBeforeIt() throws Exception {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    InputStream source = new SequenceInputStream(new ByteArrayInputStream(new byte[10]), failing);
    try (ReadAheadInputStream in = new ReadAheadInputStream(source, 4, 2)) {
      // readNBytes stops at the failure: the ten bytes before it arrive in whole chunks first
      IOException e = assertThrows(IOException.class, in::readAllBytes);
      assertEquals("connection reset", e.getMessage());
    }
  }
}
