package dev.regdoc.ccmtrace;

import dev.regdoc.facts.SignalingPort;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.Transport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AppInfo line before a SIP message in the trace, in its TCP form ({@code SIPTcp -
 * wait_SdlReadRsp: Incoming SIP TCP message from 192.0.2.61 on port 57378 index 12386 with 2203
 * bytes:}, {@code Outgoing SIP TCP message to 192.0.2.61 on port 57378 index 12386}, also after
 * {@code //SIP/SIPTcp/}) or its UDP form ({@code Incoming SIP UDP message size 539 from
 * 198.51.100.143:[49193]:}, {@code Outgoing SIP UDP message to 198.51.100.170:[5060]:}). TLS is
 * accepted in the place of TCP; no public trace shows how CUCM words it.
 *
 * @param ip the remote address
 * @param index the TCP connection index, -1 for UDP
 * @param declaredBytes the size the line gave, -1 when none
 */
record SipLead(
    TraceDirection direction,
    Transport transport,
    boolean tls,
    String ip,
    int port,
    long index,
    int declaredBytes) {

  private static final Pattern LEAD =
      Pattern.compile(
          "(Incoming|Outgoing) SIP (TCP|TLS|UDP) message (?:size (\\d{1,9}+) )?(?:from|to)"
              + " ([0-9A-Fa-f.:]++)(?: on port (\\d{1,5}+) index (\\d{1,18}+)"
              + "(?: with (\\d{1,9}+) bytes)?|\\[(\\d{1,5}+)\\])");

  private static final Pattern TOO_LARGE =
      Pattern.compile("Ignoring large message from ([0-9A-Fa-f.:]++)\\[(\\d{1,5}+)\\]");

  /** The lead in {@code payload}, or null when it is not one. */
  static SipLead parse(String payload) {
    int in = payload.indexOf("coming SIP ");
    if (in < 0 && payload.indexOf("going SIP ") < 0) {
      return null;
    }
    Matcher m = LEAD.matcher(payload);
    if (!m.find()) {
      return null;
    }
    boolean udp = m.group(2).equals("UDP");
    String ip = m.group(4);
    if (ip.endsWith(":") && m.group(8) != null) {
      ip = ip.substring(0, ip.length() - 1); // "198.51.100.143:[49193]"
    }
    String size = m.group(3) != null ? m.group(3) : m.group(7);
    return new SipLead(
        m.group(1).equals("Incoming") ? TraceDirection.INCOMING : TraceDirection.OUTGOING,
        udp ? Transport.UDP : Transport.TCP,
        m.group(2).equals("TLS"),
        ip,
        Integer.parseInt(m.group(5) != null ? m.group(5) : m.group(8)),
        m.group(6) != null ? Long.parseLong(m.group(6)) : -1,
        size != null ? Integer.parseInt(size) : -1);
  }

  /** "a.b.c.d:[port]" of a line saying CUCM dropped a message over its size limit, or null. */
  static String tooLarge(String payload) {
    if (payload.indexOf("Ignoring large message") < 0) {
      return null;
    }
    Matcher m = TOO_LARGE.matcher(payload);
    if (!m.find()) {
      return null;
    }
    String ip = m.group(1);
    return (ip.endsWith(":") ? ip.substring(0, ip.length() - 1) : ip) + ":" + m.group(2);
  }

  /** CUCM's own port, which the trace does not write: the standard one for the transport. */
  int localPort() {
    return (tls ? SignalingPort.SIP_TLS : SignalingPort.SIP).number();
  }
}
