package dev.regdoc.capture;

import dev.regdoc.common.Sizes;
import dev.regdoc.facts.FileProblem;

/**
 * The bytes all TCP streams of one capture hold while they wait for the rest of a message. Each
 * stream is capped on its own ({@link StreamAssembler#MAX_BUFFER}); this caps them together, so
 * thousands of streams that each stop mid-message cannot add up to hundreds of megabytes. A stream
 * that would go over drops its unfinished message, and the file's report says how many were
 * dropped.
 */
final class HeldBytes {
  static final long MAX_TOTAL = 16L << 20;

  private final long max;
  private long held;
  private long peak;
  private long droppedMessages;
  private long droppedBytes;

  HeldBytes() {
    this(MAX_TOTAL);
  }

  HeldBytes(long max) {
    this.max = max;
  }

  /** Takes {@code n} more bytes if the total allows it. */
  boolean tryHold(long n) {
    if (held + n > max) {
      return false;
    }
    held += n;
    peak = Math.max(peak, held);
    return true;
  }

  void release(long n) {
    held -= n;
  }

  void dropped(long bytes) {
    droppedMessages++;
    droppedBytes += bytes;
  }

  /** Bytes held now. */
  long held() {
    return held;
  }

  /** The most ever held at once. */
  long peak() {
    return peak;
  }

  long droppedMessages() {
    return droppedMessages;
  }

  /** The problem for the file's report, without the file, or null when nothing was dropped. */
  FileProblem problem() {
    if (droppedMessages == 0) {
      return null;
    }
    return FileProblem.of(
        "file-tcp-messages-dropped",
        droppedMessages
            + " unfinished TCP messages ("
            + Sizes.human(droppedBytes)
            + ") were dropped: the streams"
            + " waiting for the rest of a message held "
            + Sizes.human(max)
            + " at once",
        droppedMessages,
        Sizes.human(droppedBytes),
        Sizes.human(max));
  }
}
