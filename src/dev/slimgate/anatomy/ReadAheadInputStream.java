package dev.slimgate.anatomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own into a bounded queue of chunks, so that the engine
 * keeps exporting while the analysis hashes: without it both sides wait for each other through a
 * socket buffer of a few hundred kilobytes, and the analysis takes export time plus hashing
 * time instead of the longer of the two.
 */
final class ReadAheadInputStream extends InputStream {

  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue;
  private final Thread reader;

  private volatile IOException failure;
  private volatile boolean closed;
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  /**
   * @param chunk bytes per queued chunk
   * @param chunks chunks the queue holds: memory bound is {@code chunk * (chunks + 2)}
   */
  ReadAheadInputStream(InputStream source, int chunk, int chunks) {
    this.queue = new ArrayBlockingQueue<>(chunks);
    this.reader = new Thread(() -> pump(source, chunk), "slimgate-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  private void pump(InputStream source, int chunk) {
    try {
      while (!closed) {
        byte[] buf = new byte[chunk];
        int n = source.readNBytes(buf, 0, chunk);
        if (n > 0) {
          queue.put(n == chunk ? buf : Arrays.copyOf(buf, n));
        }
        if (n < chunk) {
          break;
        }
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean fill() throws IOException {
    while (pos == current.length) {
      if (ended) {
        return false;
      }
      try {
        current = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the image stream");
      }
      pos = 0;
      if (current == END) {
        ended = true;
        current = new byte[0];
        if (failure != null) {
          throw failure;
        }
        return false;
      }
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? current[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    queue.clear();
  }
}
