package dev.regdoc.ccmtrace;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One SIP message being collected from the lines after its lead line, up to a cap: the SIP limit of
 * CUCM is 11000 bytes (SIP Max Incoming Message Size), so a longer block is damage, cut and said
 * so. Lines are joined with CRLF, as on the wire.
 */
final class SipBlock {
  final SipLead lead;
  final long line;
  final LocalDateTime local;
  final Instant time;
  long messageNumber = -1;
  private final StringBuilder text = new StringBuilder(1024);
  private final int cap;
  private boolean headDone;
  private boolean started;
  private int contentLength = -1;
  private int bodyChars;
  private long lines;
  private boolean cut;

  SipBlock(SipLead lead, long line, LocalDateTime local, Instant time, int cap) {
    this.lead = lead;
    this.line = line;
    this.local = local;
    this.time = time;
    this.cap = cap;
  }

  void add(String l) {
    lines++;
    if (!started && l.isBlank()) {
      return; // blank lines before the start line
    }
    started = true;
    if (headDone) {
      bodyChars += l.length() + 2;
    } else if (l.isEmpty()) {
      headDone = true;
    } else if (contentLength < 0 && l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
      contentLength = number(l.substring(15).trim());
    } else if (contentLength < 0 && l.length() > 2 && l.regionMatches(true, 0, "l:", 0, 2)) {
      contentLength = number(l.substring(2).trim());
    }
    if (text.length() + l.length() + 2 > cap) {
      cut = true;
      return;
    }
    text.append(l).append("\r\n");
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
      return text.length() + 4 >= lead.declaredBytes();
    }
    if (!headDone) {
      return null;
    }
    return contentLength <= 0 || bodyChars >= contentLength;
  }

  /** The message as ISO-8859-1 bytes, characters outside it as '?'. */
  byte[] bytes() {
    byte[] b = new byte[text.length()];
    for (int i = 0; i < b.length; i++) {
      char c = text.charAt(i);
      b[i] = c <= 0xff ? (byte) c : (byte) '?';
    }
    return b;
  }

  private static int number(String v) {
    if (v.isEmpty() || v.length() > 9) {
      return -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(v);
  }
}
