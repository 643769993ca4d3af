package dev.regdoc.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the record structure of a pcap or pcapng file (headers only, memory-mapped) in step with
 * libpcap. libpcap applies the BPF filter before regdoc sees a packet, so it cannot say which frame
 * number a packet had; the file offset where its record ends can, and this walk maps one to the
 * other. It also knows each pcapng interface's link type and notices records libpcap would accept
 * silently (sub-second fields out of range).
 */
final class FrameIndex implements Closeable {
  /**
   * The walk reads the file through a small buffer rather than mapping it: every record header is
   * touched, so a mapping would fault the whole capture into the process (a 2 GB capture would show
   * as 2 GB resident), where reading keeps it in the page cache, outside the process.
   */
  static final int WINDOW = 1 << 20;

  // RandomAccessFile, not FileChannel: a channel read by an interrupted thread closes the channel,
  // and
  // the caller's interrupt must leave what was read usable (CaptureReaderThreadsTest)
  private final RandomAccessFile file;
  private final byte[] bytes;
  private final long size;
  private final ByteBuffer window;
  private long windowStart = -1;

  final boolean pcapng;
  private ByteOrder order;
  private long pos; // start of the next record/block to walk
  private long frames; // packet records walked so far
  private int lastInterface;
  private final List<Integer> interfaceLinkTypes = new ArrayList<>();
  private boolean broken;
  long invalidTimestamps;
  private final long fracLimit;

  FrameIndex(Path file) throws IOException {
    this(file, WINDOW);
  }

  FrameIndex(Path file, int windowBytes) throws IOException {
    bytes = new byte[windowBytes];
    window = ByteBuffer.wrap(bytes);
    this.file = new RandomAccessFile(file.toFile(), "r");
    size = this.file.length();
    int magic = size >= 4 ? intAt(0, ByteOrder.BIG_ENDIAN) : 0;
    pcapng = magic == 0x0A0D0D0A;
    if (pcapng) {
      order = ByteOrder.BIG_ENDIAN;
      pos = 0;
      fracLimit = 0;
    } else {
      order =
          magic == 0xa1b2c3d4 || magic == 0xa1b23c4d
              ? ByteOrder.BIG_ENDIAN
              : ByteOrder.LITTLE_ENDIAN;
      boolean nano = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
      fracLimit = nano ? 1_000_000_000L : 1_000_000L;
      pos = 24;
      if (size >= 24) {
        interfaceLinkTypes.add(intAt(20, order) & 0x0fffffff);
      }
    }
  }

  long size() {
    return size;
  }

  /**
   * Frame number of the packet whose record ends at {@code end}, or -1 if the walk cannot find it.
   */
  long frameEndingAt(long end) {
    while (!broken && pos < end) {
      if (!step()) {
        return -1;
      }
    }
    return pos == end ? frames : -1;
  }

  /** Frames whose records end at or before {@code offset} (where libpcap gave up). */
  long framesBefore(long offset) {
    while (!broken && pos < offset && nextEnd() <= offset) {
      step();
    }
    return frames;
  }

  /** End offset of the next record or block, or Long.MAX_VALUE when it cannot be read. */
  private long nextEnd() {
    if (pcapng) {
      return pos + 8 > size ? Long.MAX_VALUE : pos + (intAt(pos + 4, order) & 0xffffffffL);
    }
    return pos + 16 > size ? Long.MAX_VALUE : pos + 16 + (intAt(pos + 8, order) & 0xffffffffL);
  }

  /** Walks to the end of the file; returns the frames in it as far as the structure holds. */
  long countAll() {
    while (!broken && pos < size) {
      step();
    }
    return frames;
  }

  /**
   * The first pcapng interface whose link type differs from interface 0's, or -1. Walks the rest of
   * the file: libpcap fails when it reads the offending interface description, which may come
   * before any packet of it (mergecap writes every interface first), so the next packet says
   * nothing.
   */
  int firstInterfaceUnlikeTheFirst() {
    countAll();
    for (int i = 1; i < interfaceLinkTypes.size(); i++) {
      if (!interfaceLinkTypes.get(i).equals(interfaceLinkTypes.get(0))) {
        return i;
      }
    }
    return -1;
  }

  List<Integer> linkTypes() {
    return interfaceLinkTypes;
  }

  private boolean step() {
    return pcapng ? stepBlock() : stepRecord();
  }

  private boolean stepRecord() {
    if (pos + 16 > size) {
      broken = true;
      return false;
    }
    long frac = intAt(pos + 4, order) & 0xffffffffL;
    if (frac >= fracLimit) {
      invalidTimestamps++;
    }
    long caplen = intAt(pos + 8, order) & 0xffffffffL;
    if (pos + 16 + caplen > size) {
      broken = true;
      return false;
    }
    pos += 16 + caplen;
    frames++;
    lastInterface = 0;
    return true;
  }

  private boolean stepBlock() {
    if (pos + 12 > size) {
      broken = true;
      return false;
    }
    int type = intAt(pos, order);
    if (type == 0x0A0D0D0A) {
      order =
          intAt(pos + 8, ByteOrder.BIG_ENDIAN) == 0x1A2B3C4D
              ? ByteOrder.BIG_ENDIAN
              : ByteOrder.LITTLE_ENDIAN;
      interfaceLinkTypes.clear(); // a new section has its own interfaces
    }
    long length = intAt(pos + 4, order) & 0xffffffffL;
    if (length < 12 || pos + length > size) {
      broken = true;
      return false;
    }
    if (type == 1) {
      interfaceLinkTypes.add(shortAt(pos + 8));
    } else if (type == 6 || type == 2 || type == 3) {
      frames++;
      lastInterface = type == 6 ? intAt(pos + 8, order) : type == 2 ? shortAt(pos + 8) : 0;
    }
    pos += length;
    return true;
  }

  int linkTypeOf(int iface) {
    return iface >= 0 && iface < interfaceLinkTypes.size() ? interfaceLinkTypes.get(iface) : -1;
  }

  private int shortAt(long p) {
    map(p);
    return window.order(order).getShort((int) (p - windowStart)) & 0xffff;
  }

  private int intAt(long p, ByteOrder o) {
    map(p);
    return window.order(o).getInt((int) (p - windowStart));
  }

  private void map(long p) {
    if (windowStart >= 0 && p >= windowStart && p + 8 <= windowStart + window.limit()) {
      return;
    }
    try {
      int n = (int) Math.min(bytes.length, size - p);
      file.seek(p);
      file.readFully(bytes, 0, n);
      window.clear();
      window.limit(n);
      windowStart = p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read capture file at offset " + p, e);
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
