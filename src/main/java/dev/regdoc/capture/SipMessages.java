package dev.regdoc.capture;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.Transport;
import java.util.List;

/** Locates SIP messages in raw bytes and turns parsed heads into facts. */
final class SipMessages {
  private SipMessages() {}

  /** Index of the first byte after leading CR/LF (RFC 5626 keepalive pings), or n. */
  static int skipPings(byte[] b, int from, int n) {
    int i = from;
    while (i < n && (b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i;
  }

  /** Index just past the blank line ending the head, or -1 when it is not in {@code b[from..n)}. */
  static int headEnd(byte[] b, int from, int n) {
    for (int i = from; i < n; i++) {
      if (b[i] != '\n') {
        continue;
      }
      if (i + 1 < n && b[i + 1] == '\n') {
        return i + 2;
      }
      if (i + 2 < n && b[i + 1] == '\r' && b[i + 2] == '\n') {
        return i + 3;
      }
    }
    return -1;
  }

  /**
   * Start of the first line at or after {@code from} that is a SIP start line, looking only at
   * complete lines. Returns -1 if none; {@code lastLineEnd[0]} gets the end of the last complete
   * line.
   */
  static int findStartLine(byte[] b, int from, int n, int[] lastLineEnd) {
    int lineStart = from;
    lastLineEnd[0] = from;
    for (int i = from; i < n; i++) {
      if (b[i] == '\n') {
        int end = i > lineStart && b[i - 1] == '\r' ? i - 1 : i;
        if (SipParser.isStartLine(b, lineStart, end)) {
          return lineStart;
        }
        lineStart = i + 1;
        lastLineEnd[0] = lineStart;
      }
    }
    return -1;
  }

  static SipMessage toFact(
      SipParser.Head h,
      Origin origin,
      long firstFrame,
      Transport transport,
      Endpoints endpoints,
      long tcpSeq,
      int length) {
    return new SipMessage(
        origin,
        firstFrame,
        transport,
        endpoints,
        h.request,
        h.method,
        h.status,
        h.reason,
        h.requestUri,
        h.callId,
        h.cseq,
        h.cseqMethod,
        h.viaBranch,
        h.expires,
        h.contactExpires,
        h.contact,
        h.deviceName,
        h.instanceMac,
        h.ciscoKeepAlive,
        h.userAgent,
        h.reasonHeader,
        tcpSeq,
        length,
        h.anomalies.isEmpty() ? List.of() : List.copyOf(h.anomalies));
  }

  /** Emits the message and one Anomaly fact per oddity it had. */
  static void emit(FactSink sink, SipMessage m) {
    sink.accept(m);
    for (String code : m.anomalies()) {
      sink.accept(new Anomaly(m.origin(), code, describe(code, m)));
    }
  }

  private static String describe(String code, SipMessage m) {
    String what = m.request() ? m.method() : "SIP " + m.status();
    switch (code) {
      case "sip-lf-line-endings":
        return what + " uses bare LF line endings instead of CRLF";
      case "sip-junk-before-start-line":
        return "bytes that are not SIP came before " + what;
      case "sip-cut-by-capture":
        return what + " was cut by the capture's snap length; headers after the cut are missing";
      case "sip-cut-by-fragmentation":
        return what + " was sent as IP fragments; headers after the first fragment are not read";
      case "sip-no-content-length":
        return what + " over TCP has no Content-Length; assumed 0";
      default:
        return what + ": " + code;
    }
  }
}
