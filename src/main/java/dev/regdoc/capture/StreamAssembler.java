package dev.regdoc.capture;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import java.time.Instant;
import java.util.Arrays;

/**
 * In-order payload of one TCP direction, cut into application messages by a subclass. Several
 * messages in one segment and one message over several segments both work; the buffer is capped so
 * a stream that never yields a message cannot grow memory, and what grows past its first few
 * hundred bytes is counted in the capture's {@link HeldBytes}, which bounds all streams together.
 */
abstract class StreamAssembler {
  static final int MAX_BUFFER = 64 * 1024;
  private static final int INITIAL = 256;

  protected final String file;
  protected final Endpoints endpoints;
  protected final FactSink sink;
  private final HeldBytes heldBytes;

  private static final byte[] NONE = new byte[0];

  // made when a message has to wait for its next segment, and given back once it is read: a
  // capture of thousands of connections whose messages come whole in their segments holds none
  private byte[] buf = NONE;
  private int len;
  private long bufferSeq; // TCP sequence number of buf[0]
  // Which frame contributed which buffer range: parallel arrays of (start index, frame)
  private int[] segStart = new int[0];
  private long[] segFrame = new long[0];
  private int segCount;

  protected long frame;
  protected Instant time;

  StreamAssembler(String file, Endpoints endpoints, FactSink sink, HeldBytes heldBytes) {
    this.file = file;
    this.endpoints = endpoints;
    this.sink = sink;
    this.heldBytes = heldBytes;
  }

  /**
   * In-order bytes starting at TCP sequence number {@code seq}. With nothing held from earlier
   * segments, the messages whole in this one are read where they are, and only what is left is
   * copied and held: most segments carry whole messages, which then cost no copy.
   */
  final void append(byte[] data, int off, int n, long seq, long frame, Instant time) {
    this.frame = frame;
    this.time = time;
    boolean parsed = len == 0;
    if (parsed) {
      int used = parseInPlace(data, off, n, seq);
      if (used == n) {
        return;
      }
      off += used;
      n -= used;
      seq = (seq + used) & 0xffffffffL;
    }
    if (len == 0) {
      bufferSeq = seq;
      segCount = 0;
    }
    if (!ensureCapacity(n)) {
      anomaly(
          "tcp-partial-message-dropped",
          (len + n)
              + " bytes of an unfinished "
              + protocol()
              + " message dropped: the capture's unfinished messages already held "
              + heldBytes.held()
              + " bytes");
      heldBytes.dropped(len + n);
      len = 0;
      segCount = 0;
      bufferSeq = (seq + n) & 0xffffffffL;
      shrink();
      resynchronise();
      return;
    }
    System.arraycopy(data, off, buf, len, n);
    recordSegment(len, frame);
    len += n;
    if (!parsed) {
      drain(); // (what parseInPlace left is the start of a message still waiting for its end)
    }
    if (len > MAX_BUFFER) {
      anomaly(
          "tcp-stream-unparsable",
          "over "
              + MAX_BUFFER
              + " bytes of "
              + protocol()
              + " stream without a complete message; skipped them");
      consume(len);
    }
    shrink();
  }

  /** Bytes were lost before {@code nextSeq} (not captured): drop the partial message. */
  final void gap(long nextSeq, long frame, Instant time) {
    this.frame = frame;
    this.time = time;
    if (len > 0) {
      anomaly(
          "tcp-partial-message-lost",
          len
              + " bytes of an unfinished "
              + protocol()
              + " message dropped because the next bytes were not captured");
    }
    len = 0;
    segCount = 0;
    bufferSeq = nextSeq;
    shrink();
    resynchronise();
  }

  /** Parses the messages at the start of {@code data[off..off+n)}; returns the bytes they used. */
  private int parseInPlace(byte[] data, int off, int n, long seq) {
    bufferSeq = seq;
    segCount = 0;
    int used = 0;
    int u;
    while (used < n && (u = parse(data, off + used, n - used)) > 0) {
      used += u;
      bufferSeq = (bufferSeq + u) & 0xffffffffL;
    }
    return used;
  }

  private void drain() {
    int used;
    while (len > 0 && (used = parse(buf, 0, len)) > 0) {
      consume(used);
    }
  }

  /**
   * Parses what it can from {@code b[off..off+n)}: emits at most one message and returns the bytes
   * used, or 0 to wait for more data. {@link #seqAt} and {@link #frameAt} count from {@code off}.
   */
  protected abstract int parse(byte[] b, int off, int n);

  protected abstract String protocol();

  /** Called after a gap: the next bytes may start mid-message. */
  protected void resynchronise() {}

  protected final long seqAt(int index) {
    return (bufferSeq + index) & 0xffffffffL;
  }

  protected final long frameAt(int index) {
    long f = segCount > 0 ? segFrame[0] : frame;
    for (int i = 0; i < segCount && segStart[i] <= index; i++) {
      f = segFrame[i];
    }
    return f;
  }

  protected final void anomaly(String code, String detail) {
    sink.accept(new Anomaly(Origin.frame(file, frame, time), code, endpoints + ": " + detail));
  }

  private void consume(int n) {
    System.arraycopy(buf, n, buf, 0, len - n);
    len -= n;
    bufferSeq = (bufferSeq + n) & 0xffffffffL;
    int keep = 0;
    for (int i = 0; i < segCount; i++) {
      int start = segStart[i] - n;
      boolean stillCovers = i + 1 < segCount ? segStart[i + 1] - n > 0 : len > 0;
      if (stillCovers) {
        segStart[keep] = Math.max(0, start);
        segFrame[keep] = segFrame[i];
        keep++;
      }
    }
    segCount = keep;
  }

  private void recordSegment(int start, long frame) {
    if (segCount == segStart.length) {
      segStart = Arrays.copyOf(segStart, Math.max(4, segCount * 2));
      segFrame = Arrays.copyOf(segFrame, Math.max(4, segCount * 2));
    }
    segStart[segCount] = start;
    segFrame[segCount] = frame;
    segCount++;
  }

  /**
   * Grows the buffer for {@code extra} more bytes; false when the capture's streams may not hold
   * more. Its first {@value #INITIAL} bytes are not counted.
   */
  private boolean ensureCapacity(int extra) {
    if (len + extra <= buf.length) {
      return true;
    }
    int size = Math.max(Math.max(buf.length * 2, INITIAL), len + extra);
    int counted = size - Math.max(buf.length, INITIAL);
    if (counted > 0 && !heldBytes.tryHold(counted)) {
      return false;
    }
    buf = Arrays.copyOf(buf, size);
    return true;
  }

  /** The bytes its buffer takes now, used or not. */
  final int bufferBytes() {
    return buf.length;
  }

  /** Gives the buffer back once it is empty: a stream between messages holds none. */
  private void shrink() {
    if (len == 0 && buf.length > 0) {
      if (buf.length > INITIAL) {
        heldBytes.release(buf.length - INITIAL);
      }
      buf = NONE;
    }
  }
}
