package dev.regdoc.capture;

import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.Transport;

/**
 * Reads one SIP message that is already whole, such as a copy written into a CallManager trace,
 * with the same tolerant parser the captures use, so both give the same fields and anomalies.
 */
public final class SipTextParser {
  private SipTextParser() {}

  /**
   * The message in {@code b[from..to)} (ISO-8859-1 bytes), or null when it does not start with a
   * SIP start line (blank lines before it are skipped).
   *
   * @param origin where the message was read; its time is the message's
   * @param endpoints sender and receiver as far as they are known
   */
  public static SipMessage parse(
      byte[] b, int from, int to, Origin origin, Transport transport, Endpoints endpoints) {
    int start = SipMessages.skipPings(b, from, to);
    if (start >= to) {
      return null;
    }
    int headEnd = SipMessages.headEnd(b, start, to);
    SipParser.Head h = SipParser.parseHead(b, start, headEnd < 0 ? to : headEnd);
    if (h == null) {
      return null;
    }
    return SipMessages.toFact(h, origin, 0, transport, endpoints, -1, to - start);
  }
}
