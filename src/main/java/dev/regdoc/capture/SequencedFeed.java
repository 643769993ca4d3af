package dev.regdoc.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hands one TCP direction's bytes to its assembler in sequence order, as the receiver's TCP does: a
 * segment that reaches the capture point ahead of a hole waits here until the hole is filled, so
 * the data sent again into the hole is read as the message it carries, and the message that came
 * ahead keeps its own frame. What can never come is given up as a gap: bytes the receiver
 * acknowledged though the capture lacks them, holes still open at the capture's end, and holes
 * behind more waiting data than a stream may hold.
 */
final class SequencedFeed {
  /** Segments one direction may hold ahead of a hole: a real hole is filled within a few. */
  static final int MAX_WAITING = 64;

  private final StreamAssembler assembler;
  private final HeldBytes heldBytes;
  private final List<Waiting> waiting = new ArrayList<>(0);
  private long next = -1; // the sequence number the assembler reads next; -1 before any data
  private long receivedTo = -1; // the receiver acknowledged every byte before this

  /** A segment ahead of a hole: its captured bytes and how much sequence space it covers. */
  private record Waiting(long seq, byte[] bytes, int length, long frame, Instant time) {}

  SequencedFeed(StreamAssembler assembler, HeldBytes heldBytes) {
    this.assembler = assembler;
    this.heldBytes = heldBytes;
  }

  /** A new connection (SYN): its data starts at {@code firstSeq}. */
  void restart(long firstSeq) {
    for (Waiting w : waiting) {
      heldBytes.release(w.bytes.length);
    }
    waiting.clear();
    next = firstSeq;
    receivedTo = -1;
  }

  /**
   * A segment covering {@code length} bytes of sequence space from {@code seq}, of which the first
   * {@code captured} are in {@code data} from {@code off} (fewer when the snap length cut it).
   */
  void segment(long seq, byte[] data, int off, int captured, int length, long frame, Instant time) {
    if (next < 0) {
      next = seq; // joined mid-connection
    }
    if (Seq.diff(seq, next) > 0) {
      if (receivedTo >= 0 && Seq.diff(seq, receivedTo) <= 0) {
        skipTo(seq, frame, time); // the receiver had the bytes before it: the capture missed them
      } else if (await(seq, data, off, captured, length, frame, time)) {
        return;
      } else {
        giveUpWaiting();
        if (Seq.diff(seq, next) > 0) {
          skipTo(seq, frame, time);
        }
      }
    }
    hand(seq, data, off, captured, length, frame, time);
    handWaiting();
  }

  /**
   * The receiver acknowledged every byte before {@code ack}: any of them still missing never come.
   */
  void acknowledged(long ack) {
    if (next < 0 || Seq.diff(ack, next) <= 0) {
      return;
    }
    if (receivedTo < 0 || Seq.diff(ack, receivedTo) > 0) {
      receivedTo = ack;
    }
    while (!waiting.isEmpty() && Seq.diff(receivedTo, next) > 0) {
      Waiting w = earliest();
      skipTo(w.seq, w.frame, w.time);
      handWaiting();
    }
  }

  /** The capture ended: what waits behind a hole is read after it. */
  void finish() {
    giveUpWaiting();
  }

  private boolean await(
      long seq, byte[] data, int off, int captured, int length, long frame, Instant time) {
    if (waiting.size() >= MAX_WAITING || !heldBytes.tryHold(captured)) {
      return false;
    }
    waiting.add(
        new Waiting(seq, Arrays.copyOfRange(data, off, off + captured), length, frame, time));
    return true;
  }

  private void giveUpWaiting() {
    while (!waiting.isEmpty()) {
      Waiting w = earliest();
      if (Seq.diff(w.seq, next) > 0) {
        skipTo(w.seq, w.frame, w.time);
      }
      handWaiting();
    }
  }

  /** Hands over every waiting segment the read position has reached, in order. */
  private void handWaiting() {
    for (Waiting w = reached(); w != null; w = reached()) {
      waiting.remove(w);
      heldBytes.release(w.bytes.length);
      hand(w.seq, w.bytes, 0, w.bytes.length, w.length, w.frame, w.time);
    }
  }

  private Waiting reached() {
    for (Waiting w : waiting) {
      if (Seq.diff(w.seq, next) <= 0) {
        return w;
      }
    }
    return null;
  }

  private Waiting earliest() {
    Waiting first = waiting.get(0);
    for (Waiting w : waiting) {
      if (Seq.diff(w.seq, first.seq) < 0) {
        first = w;
      }
    }
    return first;
  }

  /** Gives the bytes before {@code seq} up: the assembler drops the message they were part of. */
  private void skipTo(long seq, long frame, Instant time) {
    assembler.gap(seq, frame, time);
    next = seq;
  }

  /** Hands the part of a segment the assembler has not read yet. */
  private void hand(
      long seq, byte[] data, int off, int captured, int length, long frame, Instant time) {
    int skip = Seq.diff(next, seq);
    if (skip >= length) {
      return; // all of it read already: a retransmission
    }
    int fresh = Math.max(0, Math.min(captured - skip, length - skip));
    if (fresh > 0) {
      assembler.append(data, off + skip, fresh, next, frame, time);
    }
    next = Seq.add(seq, length);
    if (skip + fresh < length) {
      assembler.gap(next, frame, time); // the capture cut this segment (snap length)
    }
  }
}
