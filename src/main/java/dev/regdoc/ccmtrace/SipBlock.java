package dev.regdoc.ccmtrace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * One SIP message being collected from the lines after its lead line, as bytes (the SIP parser
 * reads ISO-8859-1 bytes, as for captures), up to a cap: the SIP limit of CUCM is 11000 bytes (SIP
 * Max Incoming Message Size), so a longer block is damage, cut and said so. Lines are joined with
 * CRLF, as on the wire.
 */
final class SipBlock {
  final SipLead lead;
  final long line;
  final LocalDateTime local;
  final Instant time;
  long messageNumber = -1;
  private byte[] text;
  private int size;
  private final int cap;
  private boolean headDone;
  private boolean started;
  private int contentLength = -1;
  private int bodyBytes;
  private long lines;
  private boolean cut;

  SipBlock(SipLead lead, long line, LocalDateTime local, Instant time, int cap) {
    this.lead = lead;
    this.line = line;
    this.local = local;
    this.time = time;
    this.cap = cap;
    // sized from the lead line when it says the size: one array, no copies while lines come
    this.text = new byte[lead.declaredBytes() > 0 ? Math.min(cap, lead.declaredBytes() + 8) : 512];
  }

  void add(byte[] b, int n) {
    lines++;
    if (!started && isBlank(b, n)) {
      return; // blank lines before the start line
    }
    started = true;
    if (headDone) {
      bodyBytes += n + 2;
    } else if (n == 0) {
      headDone = true;
    } else if (contentLength < 0 && TraceBytes.startsWithIgnoreCase(b, n, "content-length:")) {
      contentLength = number(b, 15, n);
    } else if (contentLength < 0 && n > 2 && TraceBytes.startsWithIgnoreCase(b, n, "l:")) {
      contentLength = number(b, 2, n);
    }
    if (size + n + 2 > cap) {
      cut = true;
      return;
    }
    if (size + n + 2 > text.length) {
      text = Arrays.copyOf(text, Math.min(cap, Math.max(text.length * 2, size + n + 2)));
    }
    System.arraycopy(b, 0, text, size, n);
    text[size + n] = '\r';
    text[size + n + 1] = '\n';
    size += n + 2;
  }

  long lines() {
    return lines;
  }

  boolean isEmpty() {
    return !started;
  }

  /** Longer than the cap: the rest was dropped. */
  boolean overCap() {
    return cut;
  }

  /**
   * Whether the message is whole as far as the trace tells: as long as the lead line said, or, when
   * it said nothing, with its head ended by the blank line and its body as long as Content-Length.
   * Null when neither can be judged (a head whose blank line the trace may simply not write).
   */
  Boolean complete() {
    if (lead.declaredBytes() > 0) {
      // the trace may leave out the message's last blank line: two CRLF short is still whole
      return size + 4 >= lead.declaredBytes();
    }
    if (!headDone) {
      return null;
    }
    return contentLength <= 0 || bodyBytes >= contentLength;
  }

  /** The message as it was collected. */
  byte[] bytes() {
    return Arrays.copyOf(text, size);
  }

  private static boolean isBlank(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int number(byte[] b, int from, int n) {
    int i = from;
    while (i < n && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    int end = n;
    while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    if (end == i || end - i > 9) {
      return -1;
    }
    int v = 0;
    for (int k = i; k < end; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return -1;
      }
      v = v * 10 + (b[k] - '0');
    }
    return v;
  }
}
