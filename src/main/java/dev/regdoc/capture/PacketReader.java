package dev.regdoc.capture;

import dev.regdoc.common.Handover;
import dev.regdoc.common.Joins;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The reading half of a capture pass, on a thread of its own: libpcap's packets with their frame
 * numbers, handed to the decoding thread in a few reused batches. Frame numbers are taken here
 * because they depend on libpcap's file position. What it found out (where libpcap gave up, whether
 * frame numbers could be matched) may be read once {@link #take} has returned the last batch.
 */
final class PacketReader {
  private static final int BATCHES = 4;

  private final NativePcap pcap;
  private final FrameIndex index;
  private final Handover<PacketBatch> filled = new Handover<>(BATCHES);
  private final BlockingQueue<PacketBatch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread thread;
  // made ahead: a thread out of heap could not allocate the end it hands over
  private final PacketBatch end = new PacketBatch();
  private volatile boolean cancelled;
  private long lastFrame;
  private long lastPosition;
  private boolean frameNumbersLost;
  private long stoppedAfter = -1;
  private String error;
  private volatile Throwable failure;

  PacketReader(NativePcap pcap, FrameIndex index, String file) {
    this.pcap = pcap;
    this.index = index;
    for (int i = 0; i < BATCHES; i++) {
      free.add(new PacketBatch());
    }
    this.thread = new Thread(this::readAll, "regdoc-pcap " + file);
    thread.setDaemon(true);
    filled.producer(thread);
    end.last = true;
  }

  void start() {
    thread.start();
  }

  /**
   * The next batch in capture order; the one with {@code last} set ends the capture, also when the
   * reading thread died without saying so ({@link #failure} tells).
   */
  PacketBatch take() throws InterruptedException {
    return filled.take(end);
  }

  /** Gives a decoded batch back for reuse. */
  void recycle(PacketBatch batch) {
    if (batch != end) {
      batch.clear();
      free.offer(batch);
    }
  }

  /** Stops reading and waits for the thread, so that libpcap's handle may be closed afterwards. */
  void stop() {
    cancelled = true;
    thread.interrupt();
    Joins.untilEnded(thread);
  }

  /** Frames read before libpcap gave up, or -1 when it read to the end. */
  long stoppedAfter() {
    return stoppedAfter;
  }

  /** libpcap's reason for giving up, or null. */
  String error() {
    return error;
  }

  boolean frameNumbersLost() {
    return frameNumbersLost;
  }

  /**
   * Packets whose time libpcap gave as before 1970 or after 2262 (see {@link NativePcap#LATEST}).
   */
  long timesOutOfRange() {
    return pcap.timesOutOfRange;
  }

  /** What broke the reading thread itself, or null. */
  Throwable failure() {
    return failure;
  }

  private void readAll() {
    try {
      PacketBatch batch = free.take();
      NativePcap.Result r = NativePcap.Result.END;
      while (!cancelled && (r = pcap.next()) == NativePcap.Result.PACKET) {
        batch.add(frameNumber(), pcap.packet, pcap.time, pcap.originalLength);
        if (batch.full()) {
          batch.endPosition = lastPosition;
          filled.put(batch);
          batch = free.take();
        }
      }
      if (r == NativePcap.Result.ERROR) {
        stoppedAfter = Math.max(lastFrame, index.framesBefore(pcap.position()));
        error = CaptureReader.clean(pcap.error());
      }
      batch.last = true;
      batch.endPosition = index.size();
      filled.put(batch);
    } catch (InterruptedException e) {
      // the decoding thread stopped; nothing more to hand over
    } catch (RuntimeException | Error e) {
      failure = e;
      handOverEnd();
    }
  }

  private void handOverEnd() {
    try {
      filled.put(end);
    } catch (InterruptedException e) {
      // the decoding thread is gone already
    }
  }

  private long frameNumber() {
    lastPosition = pcap.position();
    long n = frameNumbersLost ? -1 : index.frameEndingAt(lastPosition);
    if (n < 0) {
      frameNumbersLost = true;
      n = lastFrame + 1; // fallback: count kept frames; reported by the decoding side
    }
    lastFrame = n;
    return n;
  }
}
