package dev.regdoc.ccmtrace;

import dev.regdoc.bench.SdlTraceWriter;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** Small traces for the tests, written with the same writer as the fixtures. */
final class TraceText {
  static final String PHONE_IP = "192.0.2.45";
  static final String CUCM_IP = "198.51.100.10";
  static final String CALL_ID = "0024142d-df24000a-44da4e09-0de51424@192.0.2.45";
  static final SdlTraceWriter.Node PUB =
      SdlTraceWriter.Node.callManager(
          "cucm-pub", CUCM_IP, 1, ZoneOffset.ofHours(-5), LocalDateTime.of(2024, 8, 1, 3, 0));

  final StringBuilder out = new StringBuilder();
  final SdlTraceWriter w = new SdlTraceWriter(out, 28_131_994, 101_339);

  TraceText head(LocalDateTime start) {
    w.fileHead(PUB, start, 1262);
    return this;
  }

  TraceText register(LocalTime t, long cseq, int expires, boolean keepAlive) {
    w.signal(t, "SdlReadRsp", "wait", "SIPTcp(1,100,60,1)", "SdlTCPConnection(1,100,58,7)", "*");
    w.sipTcpIn(t, PHONE_IP, 50708, 12386, register(cseq, expires, keepAlive), false);
    return this;
  }

  TraceText ok(LocalTime t, long cseq, int expires) {
    w.signal(t, "SdlSPISignal", "wait", "SIPTcp(1,100,60,1)", "SIPHandler(1,100,221,1)", "*");
    w.sipTcpOut(t, PHONE_IP, 50708, 12386, ok(cseq, expires));
    return this;
  }

  TraceText timer(LocalTime t) {
    w.timer(t);
    return this;
  }

  TraceText line(String l) {
    w.line(l);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static String register(long cseq, int expires, boolean keepAlive) {
    return "REGISTER sip:"
        + CUCM_IP
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP "
        + PHONE_IP
        + ":50708;branch=z9hG4bK"
        + (1000 + cseq)
        + "\r\n"
        + "From: <sip:5678@"
        + CUCM_IP
        + ">;tag=0024142ddf24-1\r\n"
        + "To: <sip:5678@"
        + CUCM_IP
        + ">\r\n"
        + "Call-ID: "
        + CALL_ID
        + "\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "User-Agent: Cisco-CP8961/9.4.2\r\n"
        + "Contact: <sip:9e9e@"
        + PHONE_IP
        + ":50708;transport=tcp>;+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0024142ddf24>\""
        + ";+u.sip!devicename.ccm.cisco.com=\"SEP0024142DDF24\""
        + (keepAlive ? ";expires=0;cisco-keep-alive" : "")
        + "\r\n"
        + "Content-Length: 0\r\n"
        + "Expires: "
        + expires
        + "\r\n\r\n";
  }

  static String ok(long cseq, int expires) {
    return "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/TCP "
        + PHONE_IP
        + ":50708;branch=z9hG4bK"
        + (1000 + cseq)
        + "\r\n"
        + "Call-ID: "
        + CALL_ID
        + "\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "Date: Mon, 12 Aug 2024 02:53:46 GMT\r\n"
        + "Expires: "
        + expires
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }
}
