package dev.regdoc.ccmtrace;

import dev.regdoc.capture.SipTextParser;
import dev.regdoc.common.BoundedMap;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.TraceSip;
import java.util.Map;

/**
 * Turns a collected SIP block into a {@link TraceSip}, parsing it with the captures' SIP parser. A
 * phone's refreshes repeat the same Call-ID, Contact, User-Agent and addresses every two minutes,
 * so those strings are shared between records: a day of one phone's registrations costs the
 * records, not the same text thousands of times.
 */
final class SipRecords {
  private static final int SHARED_STRINGS = 8192;

  private final Map<String, String> shared = BoundedMap.leastRecentlyUsedOut(SHARED_STRINGS);

  /**
   * The record, or null when the block does not hold a SIP message.
   *
   * @param hostIp the node's own address, null when unknown
   */
  TraceSip toRecord(
      String file, String node, String hostIp, SipBlock b, String joinedFrom, boolean incomplete) {
    SipLead lead = b.lead;
    byte[] bytes = b.bytes();
    Origin origin = Origin.line(file, b.line, b.time);
    String remote = share(lead.ip());
    Endpoints e =
        lead.direction() == TraceDirection.INCOMING
            ? new Endpoints(remote, lead.port(), hostIp, lead.localPort())
            : new Endpoints(hostIp, lead.localPort(), remote, lead.port());
    SipMessage m = SipTextParser.parse(bytes, 0, bytes.length, origin, lead.transport(), e);
    if (m == null) {
      return null;
    }
    boolean cut = incomplete || b.overCap() || m.callId() == null || m.cseq() < 0;
    return new TraceSip(
        origin,
        node,
        b.local,
        lead.direction(),
        lead.transport(),
        lead.tls(),
        remote,
        lead.port(),
        lead.index(),
        b.messageNumber,
        lead.declaredBytes(),
        shared(m),
        joinedFrom,
        cut);
  }

  /** {@code m} with its repeated strings replaced by earlier equal ones. */
  private SipMessage shared(SipMessage m) {
    return new SipMessage(
        m.origin(),
        m.firstFrame(),
        m.transport(),
        m.endpoints(),
        m.request(),
        m.method(),
        m.status(),
        m.reasonPhrase(),
        share(m.requestUri()),
        share(m.callId()),
        m.cseq(),
        m.cseqMethod(),
        m.viaBranch(),
        m.expiresHeader(),
        m.contactExpires(),
        share(m.contact()),
        share(m.deviceName()),
        share(m.instanceMac()),
        m.ciscoKeepAlive(),
        share(m.userAgent()),
        share(m.reasonHeader()),
        m.tcpSeq(),
        m.tcpLength(),
        m.anomalies());
  }

  private String share(String s) {
    if (s == null) {
      return null;
    }
    String before = shared.putIfAbsent(s, s);
    return before != null ? before : s;
  }
}
