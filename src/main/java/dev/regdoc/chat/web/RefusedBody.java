package dev.regdoc.chat.web;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and throws away what is left of a request body the server has already refused.
 *
 * <p>A server that closes a connection whose request body was not read to its end makes the kernel
 * send a reset (closing a socket with unread bytes). A client still sending its body then sees the
 * reset, often before it has read the answer, and reports a failed connection instead of the 413.
 * Reading the rest lets it finish sending.
 */
final class RefusedBody {
  /** Beyond this the client is left to the reset: reading more would only invite a flood. */
  static final long MAX_DISCARDED_BYTES = 64L << 20;

  private RefusedBody() {}

  /**
   * Discards the rest of the body, unless it is announced (or turns out) to be larger than the
   * bound.
   */
  static void discardRest(WebCall call) {
    if (call.contentLength() > MAX_DISCARDED_BYTES) {
      return;
    }
    try {
      skipAtMost(call.body(), MAX_DISCARDED_BYTES);
    } catch (IOException | RuntimeException e) {
      // The client stopped sending or went away (or was too slow); it has the answer already.
    }
  }

  private static void skipAtMost(InputStream in, long limit) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total <= limit && (n = in.read(buf)) >= 0) {
      total += n;
    }
  }
}
