package dev.regdoc.capture;

import java.time.Instant;
import java.util.Arrays;

/**
 * Packets handed from the thread that reads libpcap to the thread that decodes them. Bounded by
 * count and by bytes, so the few batches in flight hold a few megabytes whatever the capture's
 * size.
 */
final class PacketBatch {
  static final int MAX_PACKETS = 1024;
  static final int MAX_BYTES = 1 << 20;

  final byte[][] packets = new byte[MAX_PACKETS][];
  final Instant[] times = new Instant[MAX_PACKETS];
  final int[] originalLengths = new int[MAX_PACKETS];
  final long[] frameNumbers = new long[MAX_PACKETS];
  int size;
  private int bytes;

  /** Set on the batch that ends the capture (it may also hold packets). */
  boolean last;

  /** Where libpcap stood in the file after the batch's last packet (its progress). */
  long endPosition;

  void add(long frameNumber, byte[] packet, Instant time, int originalLength) {
    packets[size] = packet;
    times[size] = time;
    originalLengths[size] = originalLength;
    frameNumbers[size] = frameNumber;
    size++;
    bytes += packet.length;
  }

  boolean full() {
    return size == MAX_PACKETS || bytes >= MAX_BYTES;
  }

  /** Empties the batch for reuse, dropping its packets so they can be collected. */
  void clear() {
    Arrays.fill(packets, 0, size, null);
    Arrays.fill(times, 0, size, null);
    size = 0;
    bytes = 0;
    last = false;
  }
}
