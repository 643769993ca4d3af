package dev.regdoc.capture;

import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpGap;
import dev.regdoc.facts.TcpRetransmission;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One direction of a TCP connection: where the in-order stream has got to, which data segments are
 * still unacknowledged (to time retransmissions and see which attempt got through), and the
 * application assembler that receives the in-order bytes.
 */
final class TcpDirection {
  private static final int MAX_UNACKED = 256;

  final Endpoints endpoints;
  final StreamAssembler assembler; // null for encrypted or unparsed streams
  private final SequencedFeed feed; // null with the assembler
  private long nextSeq = -1;
  private final Map<Long, Sent> unacked = new LinkedHashMap<>();
  private Gap gap; // the earliest gap still open, null when none
  private long highestAck = -1;
  private Instant lastDelivered; // when the peer last acknowledged new data of this direction

  /**
   * Bytes the stream skipped: later data arrived first. Whether the receiver lacked them too is
   * told by its acknowledgements before they come.
   */
  private static final class Gap {
    final long start;
    final long end;
    final long aheadFrame;
    final double receiverQuiet;
    boolean receiverLacked;

    Gap(long start, long end, long aheadFrame, double receiverQuiet) {
      this.start = start;
      this.end = end;
      this.aheadFrame = aheadFrame;
      this.receiverQuiet = receiverQuiet;
    }

    boolean holds(long seq) {
      return Seq.diff(seq, start) >= 0 && Seq.diff(seq, end) < 0;
    }
  }

  /** The first transmission of a data segment and how often it was sent again. */
  private static final class Sent {
    final long seq;
    final int length;
    final long firstFrame;
    final Instant firstTime;
    long lastFrame;
    int attempts;

    Sent(long seq, int length, long frame, Instant time) {
      this.seq = seq;
      this.length = length;
      this.firstFrame = frame;
      this.firstTime = time;
      this.lastFrame = frame;
    }
  }

  TcpDirection(Endpoints endpoints, StreamAssembler assembler, HeldBytes heldBytes) {
    this.endpoints = endpoints;
    this.assembler = assembler;
    this.feed = assembler == null ? null : new SequencedFeed(assembler, heldBytes);
  }

  void syn(long isn) {
    nextSeq = Seq.add(isn, 1);
    if (feed != null) {
      feed.restart(nextSeq);
    }
    unacked.clear();
    gap = null;
    highestAck = -1;
  }

  void fin(long seq, int payloadLength) {
    long end = Seq.add(seq, payloadLength + 1);
    if (nextSeq < 0 || Seq.diff(end, nextSeq) > 0) {
      nextSeq = end;
    }
  }

  /** When the peer last acknowledged new data of this direction, null when never in the capture. */
  Instant lastDelivered() {
    return lastDelivered;
  }

  /**
   * Handles a data segment; returns true when it (or part of it) was new data. {@code
   * receiverDelivered} is when the receiver's own data last got through (see {@link
   * #lastDelivered()}).
   */
  boolean data(DecodedFrame f, String file, FactSink sink, Instant receiverDelivered) {
    long seq = f.seq;
    int n = f.payloadLength + f.payloadMissing;
    if (nextSeq < 0) {
      nextSeq = seq; // joined mid-connection
    }
    int rel = Seq.diff(seq, nextSeq);
    if (rel < 0 && n <= 1 && Seq.diff(Seq.add(seq, n), nextSeq) <= 0 && rel == -1) {
      return false; // TCP keep-alive probe: one old byte, not a retransmission
    }
    if (rel < 0) {
      retransmitted(f, file, sink, seq, n);
      filled(f, file, sink, seq);
      feed(f, seq, n); // old to TCP, but it may fill a hole the reader still waits on
      int fresh = Seq.diff(Seq.add(seq, n), nextSeq);
      if (fresh <= 0) {
        return false;
      }
      nextSeq = Seq.add(seq, n);
      return true;
    }
    if (rel > 0 && gap == null) {
      gap =
          new Gap(
              nextSeq,
              seq,
              f.frame,
              receiverDelivered == null ? -1 : seconds(receiverDelivered, f.time));
    }
    remember(new Sent(seq, n, f.frame, f.time));
    nextSeq = Seq.add(seq, n);
    feed(f, seq, n);
    return true;
  }

  /** Hands the segment's bytes to the message reader, which takes them in sequence order. */
  private void feed(DecodedFrame f, long seq, int n) {
    if (feed != null) {
      feed.segment(seq, f.data, f.payloadOffset, f.payloadLength, n, f.frame, f.time);
    }
  }

  /**
   * The peer acknowledged every byte before {@code ack}: a message that waits behind bytes the
   * capture missed is read now, before the data of the frame that says so.
   */
  void peerHas(long ack) {
    if (feed != null) {
      feed.acknowledged(ack);
    }
  }

  /** The capture ended: messages waiting behind a hole that never closed are read now. */
  void finish() {
    if (feed != null) {
      feed.finish();
    }
  }

  private void retransmitted(DecodedFrame f, String file, FactSink sink, long seq, int n) {
    Sent s = unacked.get(seq);
    long originalFrame = 0;
    Instant originalTime = null;
    double delay = Double.NaN;
    int attempt = 1;
    if (s != null) {
      s.attempts++;
      s.lastFrame = f.frame;
      originalFrame = s.firstFrame;
      originalTime = s.firstTime;
      delay = seconds(s.firstTime, f.time);
      attempt = s.attempts;
    }
    sink.accept(
        new TcpRetransmission(
            Origin.frame(file, f.frame, f.time),
            endpoints,
            seq,
            n,
            originalFrame,
            originalTime,
            delay,
            attempt));
  }

  /** Data into the open gap: recorded when the receiver had said it lacked it. */
  private void filled(DecodedFrame f, String file, FactSink sink, long seq) {
    if (gap == null || !gap.holds(seq)) {
      return;
    }
    if (gap.receiverLacked) {
      sink.accept(
          new TcpGap(
              Origin.frame(file, f.frame, f.time),
              endpoints,
              gap.start,
              Seq.diff(gap.end, gap.start),
              gap.aheadFrame,
              gap.receiverQuiet));
    }
    gap = null;
  }

  /** The peer acknowledged up to {@code ack}: settle every segment it covers. */
  void acknowledged(long ack, DecodedFrame f, String file, FactSink sink) {
    if (highestAck < 0 || Seq.diff(ack, highestAck) > 0) {
      if (highestAck >= 0) {
        // the acknowledgement moved on: new data of this direction got through
        lastDelivered = f.time;
      }
      highestAck = ack;
    }
    if (gap != null) {
      int past = Seq.diff(ack, gap.start);
      if (past == 0) {
        gap.receiverLacked = true; // a duplicate ACK: the receiver still waits for the gap's bytes
      } else if (past > 0) {
        gap = null; // the receiver had them: only the capture missed them
      }
    }
    if (unacked.isEmpty()) {
      return; // most ACKs: nothing of this direction in flight
    }
    Iterator<Sent> it = unacked.values().iterator();
    while (it.hasNext()) {
      Sent s = it.next();
      if (Seq.diff(ack, Seq.add(s.seq, s.length)) < 0) {
        break;
      }
      it.remove();
      if (s.attempts > 0) {
        sink.accept(
            new TcpDelivered(
                Origin.frame(file, f.frame, f.time),
                endpoints,
                s.seq,
                s.length,
                s.firstFrame,
                s.lastFrame,
                s.attempts,
                seconds(s.firstTime, f.time)));
      }
    }
  }

  private void remember(Sent s) {
    if (unacked.size() >= MAX_UNACKED) {
      Iterator<Sent> it = unacked.values().iterator();
      it.next();
      it.remove();
    }
    unacked.put(s.seq, s);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
