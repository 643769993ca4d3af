package dev.regdoc.capture;

import static dev.regdoc.testing.TestPcap.ACK;
import static dev.regdoc.testing.TestPcap.CUCM;
import static dev.regdoc.testing.TestPcap.PHONE;
import static dev.regdoc.testing.TestPcap.PSH;
import static dev.regdoc.testing.TestPcap.SYN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.TestPcap;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SCCP framing, TCP sequence tracking and ARP, in captures built with pcap4j. */
class SccpTcpArpEdgeCaseTest {
  @TempDir Path dir;

  static final int PP = 51373;

  Capture read(TestPcap p) throws Exception {
    return Capture.read(p.write(dir.resolve("t.pcap")));
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] slice(byte[] b, int from, int to) {
    return Arrays.copyOfRange(b, from, to);
  }

  /** RegisterAck as in the source document §3: keepalive 30, date template M/D/YA, secondary 60. */
  static final byte[] REGISTER_ACK =
      hex("18000000 00000000 81000000 1e000000 4d2f442f5941 0000 3c000000 14 00 0000");

  static final byte[] KEEPALIVE_REQ = hex("04000000 00000000 00000000");
  static final byte[] KEEPALIVE_ACK = hex("04000000 00000000 00010000");

  /**
   * RegisterReq: device name (16), user id, instance, station IP (network order), device type, max
   * streams.
   */
  static byte[] registerReq(String device, int... ip) {
    ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(40).putInt(0).putInt(1);
    byte[] name = Arrays.copyOf(device.getBytes(StandardCharsets.US_ASCII), 16);
    b.put(name).putInt(0).putInt(1);
    for (int octet : ip) {
      b.put((byte) octet);
    }
    b.putInt(30016).putInt(5);
    return b.array();
  }

  @Nested
  class Sccp {
    @Test
    void twoPdusInOneSegmentAndRegisterReqValues() throws Exception {
      Capture c =
          read(
              new TestPcap()
                  .tcp(
                      PHONE,
                      PP,
                      CUCM,
                      2000,
                      1,
                      1,
                      ACK | PSH,
                      cat(registerReq("SEP002155D548AC", 10, 1, 1, 10), KEEPALIVE_REQ)));
      assertThat(c.of(SccpMessage.class))
          .extracting(
              SccpMessage::name,
              SccpMessage::deviceName,
              SccpMessage::stationIp,
              SccpMessage::tcpSeq,
              SccpMessage::length,
              m -> m.origin().frame())
          .containsExactly(
              tuple("RegisterReq", "SEP002155D548AC", "10.1.1.10", 1L, 48, 1L),
              tuple("KeepAliveReq", null, null, 49L, 12, 1L));
    }

    @Test
    void onePduSplitOverSegmentsAndKeepAliveIntervals() throws Exception {
      Capture c =
          read(
              new TestPcap()
                  .tcp(CUCM, 2000, PHONE, PP, 1, 1, ACK, slice(REGISTER_ACK, 0, 5))
                  .tcp(CUCM, 2000, PHONE, PP, 6, 1, ACK, slice(REGISTER_ACK, 5, 20))
                  .tcp(
                      CUCM,
                      2000,
                      PHONE,
                      PP,
                      21,
                      1,
                      ACK | PSH,
                      cat(slice(REGISTER_ACK, 20, 32), KEEPALIVE_ACK)));
      assertThat(c.of(SccpMessage.class))
          .extracting(
              SccpMessage::name,
              SccpMessage::keepAliveInterval,
              SccpMessage::secondaryKeepAliveInterval,
              SccpMessage::firstFrame,
              m -> m.origin().frame())
          .containsExactly(
              tuple("RegisterAck", 30, 60, 1L, 3L), tuple("KeepAliveAck", 0, 0, 3L, 3L));
    }

    @Test
    void bogusHeaderIsReportedOnceThenResynchronises() throws Exception {
      byte[] bogus = hex("ffff0000 07000000 01000000 deadbeef 00112233");
      Capture c =
          read(
              new TestPcap()
                  .tcp(
                      PHONE,
                      PP,
                      CUCM,
                      2000,
                      1,
                      1,
                      ACK | PSH,
                      cat(bogus, KEEPALIVE_REQ, registerReq("SEPAAAABBBBCCCC", 10, 1, 1, 10))));
      assertThat(c.of(SccpMessage.class))
          .extracting(SccpMessage::name, SccpMessage::deviceName)
          .containsExactly(tuple("KeepAliveReq", null), tuple("RegisterReq", "SEPAAAABBBBCCCC"));
      assertThat(c.anomalyCodes()).containsExactly("sccp-bad-header");
      assertThat(c.of(Anomaly.class).get(0).detail())
          .contains("data length 65535")
          .contains("after 20 bytes");
    }
  }

  @Nested
  class Tcp {
    String sip = SipEdgeCaseTest.register(1);

    @Test
    void retransmissionDelaysAttemptsAndDelivery() throws Exception {
      Capture c =
          read(
              new TestPcap()
                  .at(0)
                  .tcp(PHONE, PP, CUCM, 5060, 100, 1, SYN, "")
                  .at(0.01)
                  .tcp(CUCM, 5060, PHONE, PP, 500, 101, SYN | ACK, "")
                  .at(0.02)
                  .tcp(PHONE, PP, CUCM, 5060, 101, 501, ACK | PSH, sip)
                  .at(0.35)
                  .tcp(PHONE, PP, CUCM, 5060, 101, 501, ACK | PSH, sip)
                  .at(1.2)
                  .tcp(PHONE, PP, CUCM, 5060, 101, 501, ACK | PSH, sip)
                  .at(2.9)
                  .tcp(PHONE, PP, CUCM, 5060, 101, 501, ACK | PSH, sip)
                  .at(2.95)
                  .tcp(CUCM, 5060, PHONE, PP, 501, 101 + sip.length(), ACK, ""));
      assertThat(c.of(TcpRetransmission.class))
          .extracting(
              r -> r.origin().frame(),
              TcpRetransmission::originalFrame,
              TcpRetransmission::attempt,
              r -> Math.round(r.delaySeconds() * 1000),
              TcpRetransmission::length)
          .containsExactly(
              tuple(4L, 3L, 1, 330L, sip.length()),
              tuple(5L, 3L, 2, 1180L, sip.length()),
              tuple(6L, 3L, 3, 2880L, sip.length()));
      assertThat(c.of(TcpDelivered.class))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.origin().frame()).isEqualTo(7);
                assertThat(d.firstFrame()).isEqualTo(3);
                assertThat(d.lastAttemptFrame()).isEqualTo(6);
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(Math.round(d.secondsSinceFirstSend() * 1000)).isEqualTo(2930);
              });
      assertThat(c.of(SipMessage.class)).hasSize(1); // retransmitted copies are not new messages
    }

    @Test
    void keepAliveProbeIsNotARetransmission() throws Exception {
      int end = 101 + sip.length();
      Capture c =
          read(
              new TestPcap()
                  .at(0)
                  .tcp(PHONE, PP, CUCM, 5060, 101, 501, ACK | PSH, sip)
                  .at(0.1)
                  .tcp(CUCM, 5060, PHONE, PP, 501, end, ACK, "")
                  .at(60)
                  .tcp(PHONE, PP, CUCM, 5060, end - 1, 501, ACK, new byte[] {0})
                  .at(60.01)
                  .tcp(CUCM, 5060, PHONE, PP, 501, end, ACK, ""));
      assertThat(c.of(TcpRetransmission.class)).isEmpty();
      assertThat(c.of(TcpDelivered.class)).isEmpty();
      assertThat(c.of(SipMessage.class)).hasSize(1);
      assertThat(c.anomalyCodes()).isEmpty();
    }

    @Test
    void sequenceNumberWrapAround() throws Exception {
      long isn = 0xFFFFFF00L;
      String two = sip + SipEdgeCaseTest.register(2);
      long start = isn + 1;
      int first = 300; // the second segment starts past 2^32
      Capture c =
          read(
              new TestPcap()
                  .tcp(PHONE, PP, CUCM, 5060, isn, 0, SYN, "")
                  .tcp(CUCM, 5060, PHONE, PP, 7, (start) & 0xffffffffL, SYN | ACK, "")
                  .tcp(PHONE, PP, CUCM, 5060, start, 8, ACK, two.substring(0, first))
                  .tcp(
                      PHONE,
                      PP,
                      CUCM,
                      5060,
                      (start + first) & 0xffffffffL,
                      8,
                      ACK | PSH,
                      two.substring(first))
                  .tcp(CUCM, 5060, PHONE, PP, 8, (start + two.length()) & 0xffffffffL, ACK, ""));
      assertThat(c.of(SipMessage.class))
          .extracting(SipMessage::cseq, SipMessage::tcpSeq, m -> m.origin().frame())
          .containsExactly(
              tuple(1L, start, 4L), tuple(2L, (start + sip.length()) & 0xffffffffL, 4L));
      assertThat(c.of(TcpRetransmission.class)).isEmpty();
      assertThat(c.anomalyCodes()).isEmpty();
    }

    @Test
    void segmentNotCapturedLosesOnlyThePartialMessage() throws Exception {
      String m1 = SipEdgeCaseTest.register(1);
      String m2 = SipEdgeCaseTest.register(2);
      String m3 = SipEdgeCaseTest.register(3);
      String stream = m1 + m2 + m3;
      int cut1 = m1.length() + 50; // first segment: m1 and the start of m2
      int cut2 = m1.length() + 200; // the segment [cut1, cut2) is missing from the capture
      Capture c =
          read(
              new TestPcap()
                  .tcp(PHONE, PP, CUCM, 5060, 1, 1, ACK, stream.substring(0, cut1))
                  .tcp(PHONE, PP, CUCM, 5060, 1 + cut2, 1, ACK | PSH, stream.substring(cut2)));
      assertThat(c.of(SipMessage.class))
          .extracting(SipMessage::cseq, m -> m.origin().frame())
          .containsExactly(tuple(1L, 1L), tuple(3L, 2L));
      assertThat(c.anomalyCodes()).containsExactly("tcp-partial-message-lost", "tcp-resync");
      assertThat(c.of(TcpRetransmission.class)).isEmpty();
    }
  }

  @Nested
  class Arp {
    @Test
    void twoMacsAnsweringForOneIpIsAConflict() throws Exception {
      Capture c =
          read(
              new TestPcap()
                  .arp(false, TestPcap.PHONE_MAC, PHONE, "00:00:00:00:00:00", CUCM)
                  .arp(true, TestPcap.CUCM_MAC, CUCM, TestPcap.PHONE_MAC, PHONE)
                  .arp(true, "00:de:ad:be:ef:01", CUCM, TestPcap.PHONE_MAC, PHONE));
      assertThat(c.of(ArpBinding.class))
          .extracting(
              b -> b.origin().frame(),
              ArpBinding::ip,
              ArpBinding::mac,
              ArpBinding::previousMac,
              ArpBinding::conflict)
          .containsExactly(
              tuple(1L, PHONE, TestPcap.PHONE_MAC, null, false),
              tuple(2L, CUCM, TestPcap.CUCM_MAC, null, false),
              tuple(3L, CUCM, "00:de:ad:be:ef:01", TestPcap.CUCM_MAC, true));
      assertThat(c.of(ArpPacket.class))
          .extracting(ArpPacket::reply)
          .containsExactly(false, true, true);
    }

    @Test
    void gratuitousArp() throws Exception {
      Capture c =
          read(new TestPcap().arp(false, TestPcap.PHONE_MAC, PHONE, "00:00:00:00:00:00", PHONE));
      assertThat(c.of(ArpPacket.class))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.gratuitous()).isTrue();
                assertThat(a.senderIp()).isEqualTo(PHONE);
                assertThat(a.ethSrcMac()).isEqualTo(TestPcap.PHONE_MAC);
              });
      assertThat(c.of(ArpBinding.class))
          .extracting(ArpBinding::ip, ArpBinding::mac)
          .containsExactly(tuple(PHONE, TestPcap.PHONE_MAC));
    }
  }
}
