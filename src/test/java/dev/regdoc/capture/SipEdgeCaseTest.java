package dev.regdoc.capture;

import static dev.regdoc.testing.TestPcap.ACK;
import static dev.regdoc.testing.TestPcap.CUCM;
import static dev.regdoc.testing.TestPcap.PHONE;
import static dev.regdoc.testing.TestPcap.PSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.MacPath;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.Transport;
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.TestPcap;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIP framing and header edge cases, in captures built with pcap4j. */
class SipEdgeCaseTest {
  @TempDir Path dir;

  static final int PHONE_PORT = 53006;

  /** The REGISTER of the source document's §4.2 (to the primary), with Content-Length 0. */
  static String register(int cseq) {
    return "REGISTER sip:10.1.1.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP 10.1.1.10:53006;branch=z9hG4bKd451a4fa"
        + cseq
        + "\r\n"
        + "From: <sip:5678@10.1.1.1>;tag=0024142ddf242c6644b6e5d2-f01c795a\r\n"
        + "To: <sip:5678@10.1.1.1>\r\n"
        + "Call-ID: 0024142d-df24000a-44da4e09-0de51424@10.1.1.10\r\n"
        + "Max-Forwards: 70\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\n"
        + "User-Agent: Cisco-CP7975G/9.3.1\r\n"
        + "Contact:"
        + " <sip:9e9e1ffb-0206-4ea1-6d77-ba04a72017f7@10.1.1.10:53006;transport=tcp>"
        + ";+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-0024142ddf24>\""
        + ";+u.sip!devicename.ccm.cisco.com=\"SEP0024142DDF24\""
        + ";+u.sip!model.ccm.cisco.com=\"437\"\r\n"
        + "Content-Length: 0\r\n"
        + "Expires: 3600\r\n"
        + "\r\n";
  }

  static String ok(int cseq) {
    return "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 10.1.1.10:53006\r\nCall-ID: 0024142d@10.1.1.10\r\n"
        + "CSeq: "
        + cseq
        + " REGISTER\r\nExpires: 120\r\nContent-Length: 0\r\n\r\n";
  }

  private Capture read(TestPcap p) throws Exception {
    return Capture.read(p.write(dir.resolve("t.pcap")));
  }

  @Test
  void theTopmostViaBranchIsKeptForMatchingTheSameMessageElsewhere() throws Exception {
    // GIVEN a response with two Via values on one line, the second line compact, and a request
    // whose branch parameter is spelt in capitals
    String response =
        "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/TCP 10.1.1.10:53006;branch=z9hG4bK7a1;rport , SIP/2.0/UDP"
            + " p;branch=x\r\n"
            + "v: SIP/2.0/UDP 10.9.9.9;branch=z9hG4bKother\r\n"
            + "Call-ID: c1@10.1.1.10\r\n"
            + "CSeq: 5 REGISTER\r\n"
            + "Content-Length: 0\r\n\r\n";
    String request = register(6).replace(";branch=", ";BRANCH=");
    // WHEN both are read
    Capture c =
        read(
            new TestPcap()
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 1000, 1, ACK | PSH, request)
                .tcp(CUCM, 5060, PHONE, PHONE_PORT, 1, 1000 + request.length(), ACK, response));
    // THEN each keeps the branch of its first Via only
    assertThat(c.of(SipMessage.class))
        .extracting(SipMessage::cseq, SipMessage::viaBranch)
        .containsExactly(tuple(6L, "z9hG4bKd451a4fa6"), tuple(5L, "z9hG4bK7a1"));
  }

  @Test
  void severalMessagesInOneTcpSegment() throws Exception {
    String two = register(1) + register(2);
    Capture c = read(new TestPcap().tcp(PHONE, PHONE_PORT, CUCM, 5060, 1000, 1, ACK | PSH, two));
    assertThat(c.of(SipMessage.class))
        .extracting(
            SipMessage::cseq, m -> m.origin().frame(), SipMessage::tcpSeq, SipMessage::tcpLength)
        .containsExactly(
            tuple(1L, 1L, 1000L, register(1).length()),
            tuple(2L, 1L, 1000L + register(1).length(), register(2).length()));
    assertThat(c.anomalyCodes()).isEmpty();
  }

  @Test
  void oneMessageOverThreeSegmentsWithBody() throws Exception {
    String body = "v=0\r\no=- 1 1 IN IP4 10.1.1.10\r\n";
    String msg =
        register(7).replace("Content-Length: 0", "Content-Length: " + body.length()) + body;
    int a = 100;
    int b = msg.length() - 10; // the last segment holds only part of the body
    Capture c =
        read(
            new TestPcap()
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 5000, 1, ACK, msg.substring(0, a))
                .tcp(CUCM, 5060, PHONE, PHONE_PORT, 1, 5000 + a, ACK, "")
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 5000 + a, 1, ACK, msg.substring(a, b))
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 5000 + b, 1, ACK | PSH, msg.substring(b)));
    assertThat(c.of(SipMessage.class))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.cseq()).isEqualTo(7);
              assertThat(m.origin().frame()).isEqualTo(4);
              assertThat(m.firstFrame()).isEqualTo(1);
              assertThat(m.tcpLength()).isEqualTo(msg.length());
              assertThat(m.deviceName()).isEqualTo("SEP0024142DDF24");
            });
  }

  @Test
  void lfOnlyLineEndings() throws Exception {
    String lf = register(3).replace("\r\n", "\n") + register(4).replace("\r\n", "\n");
    Capture c = read(new TestPcap().tcp(PHONE, PHONE_PORT, CUCM, 5060, 1, 1, ACK | PSH, lf));
    assertThat(c.of(SipMessage.class))
        .extracting(SipMessage::cseq, SipMessage::expiresHeader, SipMessage::callId)
        .containsExactly(
            tuple(3L, 3600, "0024142d-df24000a-44da4e09-0de51424@10.1.1.10"),
            tuple(4L, 3600, "0024142d-df24000a-44da4e09-0de51424@10.1.1.10"));
    assertThat(c.anomalyCodes()).containsExactly("sip-lf-line-endings", "sip-lf-line-endings");
  }

  @Test
  void compactHeaderNames() throws Exception {
    String body = "abcd";
    String compact =
        "REGISTER sip:10.1.1.1 SIP/2.0\r\n"
            + "i: compact-1@10.1.1.10\r\n"
            + "m: <sip:5678@10.1.1.10:53006;transport=tcp>;expires=60\r\n"
            + "CSeq: 9 REGISTER\r\n"
            + "l: 4\r\n\r\n"
            + body;
    Capture c =
        read(
            new TestPcap()
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 1, 1, ACK | PSH, compact + register(10)));
    assertThat(c.of(SipMessage.class))
        .extracting(
            SipMessage::cseq, SipMessage::callId, SipMessage::contactExpires, SipMessage::tcpLength)
        .containsExactly(
            tuple(9L, "compact-1@10.1.1.10", 60, compact.length()),
            tuple(
                10L, "0024142d-df24000a-44da4e09-0de51424@10.1.1.10", null, register(10).length()));
    assertThat(c.of(SipMessage.class).get(0).contact()).startsWith("<sip:5678@10.1.1.10:53006");
  }

  @Test
  void junkBeforeStartLineOverTcpAndUdp() throws Exception {
    Capture c =
        read(
            new TestPcap()
                .tcp(
                    PHONE,
                    PHONE_PORT,
                    CUCM,
                    5060,
                    1,
                    1,
                    ACK | PSH,
                    "\u0000\u0001garbage\r\n" + register(1))
                .udp(
                    PHONE,
                    5060,
                    CUCM,
                    5060,
                    "xx junk line\r\n" + register(2).replace("TCP", "UDP")));
    assertThat(c.of(SipMessage.class))
        .extracting(
            SipMessage::transport, SipMessage::cseq, SipMessage::method, m -> m.origin().frame())
        .containsExactly(
            tuple(Transport.TCP, 1L, "REGISTER", 1L), tuple(Transport.UDP, 2L, "REGISTER", 2L));
    assertThat(c.anomalyCodes())
        .containsExactly("sip-junk-before-start-line", "sip-junk-before-start-line");
  }

  @Test
  void sipOverIpv6() throws Exception {
    Capture c =
        read(
            new TestPcap()
                .tcp("2001:db8::10", PHONE_PORT, "2001:db8::1", 5060, 1, 1, ACK | PSH, register(5))
                .tcp(
                    "2001:db8::1",
                    5060,
                    "2001:db8::10",
                    PHONE_PORT,
                    1,
                    1 + register(5).length(),
                    ACK | PSH,
                    ok(5)));
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.endpoints().toString(), SipMessage::status, SipMessage::expiresHeader)
        .containsExactly(
            tuple("2001:db8::10:53006 > 2001:db8::1:5060", 0, 3600),
            tuple("2001:db8::1:5060 > 2001:db8::10:53006", 200, 120));
  }

  @Test
  void vlanTaggedFrames() throws Exception {
    Capture c =
        read(
            new TestPcap()
                .vlan(100)
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 1, 1, ACK | PSH, register(1))
                .udp(PHONE, 5060, CUCM, 5060, register(2).replace("TCP", "UDP")));
    assertThat(c.of(SipMessage.class)).extracting(SipMessage::cseq).containsExactly(1L, 2L);
    assertThat(c.of(MacPath.class))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.vlan()).isEqualTo(100);
              assertThat(p.srcMac()).isEqualTo(TestPcap.PHONE_MAC);
              assertThat(p.dstMac()).isEqualTo(TestPcap.CUCM_MAC);
            });
  }

  @Test
  void linuxCookedSll2LinkType() throws Exception {
    // LINKTYPE_LINUX_SLL2 (276) written by raw bytes: 20-byte header instead of Ethernet
    TestPcap eth =
        new TestPcap()
            .tcp(PHONE, PHONE_PORT, CUCM, 5060, 1, 1, ACK | PSH, register(1))
            .udp(CUCM, 5060, PHONE, 5060, ok(1).replace("TCP", "UDP"));
    TestPcap.Raw sll2 = new TestPcap.Raw(276, 65535);
    for (int i = 1; i <= 2; i++) {
      byte[] frame = eth.frame(i);
      ByteBuffer b = ByteBuffer.allocate(20 + frame.length - 14);
      b.putShort((short) 0x0800)
          .putShort((short) 0)
          .putInt(2)
          .putShort((short) 1) // protocol, reserved, ifindex, ARPHRD_ETHER
          .put((byte) (i == 1 ? 4 : 0))
          .put((byte) 6)
          .put(frame, 6, 6)
          .putShort((short) 0) // outgoing/host, source MAC
          .put(frame, 14, frame.length - 14);
      sll2.record(i, b.array());
    }
    Capture c = Capture.read(sll2.write(dir.resolve("sll2.pcap")));
    assertThat(c.summary().linkTypes()).containsExactly("LINUX_SLL2 (276)");
    assertThat(c.summary().problems()).isEmpty();
    assertThat(c.of(SipMessage.class))
        .extracting(
            m -> m.origin().frame(),
            SipMessage::transport,
            SipMessage::method,
            SipMessage::status,
            m -> m.endpoints().srcIp())
        .containsExactly(
            tuple(1L, Transport.TCP, "REGISTER", 0, PHONE),
            tuple(2L, Transport.UDP, null, 200, CUCM));
  }

  @Test
  void ciscoKeepAliveRegisterIsNotADeregistration() throws Exception {
    // the backup-CUCM keepalive of the source document's §4.2, then a real de-registration
    String keepAlive =
        "REGISTER sip:10.60.1.12:5060;transport=tcp SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 10.60.63.21:5060;branch=z9hG4bK1\r\n"
            + "Call-ID: ka@10.60.63.21\r\n"
            + "CSeq: 18800 REGISTER\r\n"
            + "Expires: 0\r\n"
            + "Contact:"
            + " <sip:e2b0f175-feae-d664-befa-b7cd0837fcc6@10.60.63.21:5060;transport=TCP>"
            + ";+sip.instance=\"<urn:uuid:00000000-0000-0000-0000-e0d1730ac1b1>\""
            + ";+u.sip!devicename.ccm.cisco.com=\"SEPE0D1730AC1B1\""
            + ";+u.sip!model.ccm.cisco.com=\"592\";expires=0;cisco-keep-alive\r\n"
            + "Content-Length: 0\r\n\r\n";
    String unregister = register(11).replace("Expires: 3600", "Expires: 0");
    Capture c =
        read(
            new TestPcap()
                .tcp(PHONE, PHONE_PORT, CUCM, 5060, 1, 1, ACK | PSH, keepAlive)
                .tcp(
                    PHONE,
                    PHONE_PORT,
                    CUCM,
                    5060,
                    1 + keepAlive.length(),
                    1,
                    ACK | PSH,
                    unregister));
    SipMessage ka = c.of(SipMessage.class).get(0);
    assertThat(ka.ciscoKeepAlive()).isTrue();
    assertThat(ka.effectiveExpires()).isZero();
    assertThat(ka.isDeregistration()).isFalse();
    assertThat(ka.deviceName()).isEqualTo("SEPE0D1730AC1B1");
    assertThat(ka.instanceMac()).isEqualTo("e0d1730ac1b1");

    SipMessage bye = c.of(SipMessage.class).get(1);
    assertThat(bye.ciscoKeepAlive()).isFalse();
    assertThat(bye.isDeregistration()).isTrue();
    assertThat(bye.deviceName()).isEqualTo("SEP0024142DDF24");
    assertThat(bye.instanceMac()).isEqualTo("0024142ddf24");
  }
}
