package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.IpFragment;
import dev.regdoc.facts.SipMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A SIP datagram larger than the MTU: its first IP fragment carries the UDP header and the SIP
 * head, so regdoc reads the head and records the fragmentation; later fragments stay anomalies.
 */
class IpFragmentTest {
  private static final Instant T = Instant.parse("2025-05-06T11:00:00Z");
  private static final String HEAD =
      "REGISTER sip:198.51.100.10 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 192.0.2.71:5060;branch=z9hG4bK1\r\n"
          + "From: <sip:6001@198.51.100.10>;tag=a1\r\n"
          + "To: <sip:6001@198.51.100.10>\r\n"
          + "Call-ID: c1@192.0.2.71\r\n"
          + "CSeq: 1 REGISTER\r\n"
          + "Content-Length: 1200\r\n\r\n";

  @Test
  void theFirstFragmentOfASipDatagramGivesItsHeadAndAFragmentFact() {
    FactCollector facts = new FactCollector();
    FrameFeed feed = new FrameFeed(LinkType.RAW, "phone.pcap", facts);
    byte[] payload = HEAD.getBytes(StandardCharsets.ISO_8859_1);
    int datagram = payload.length + 1200;

    feed.frame(firstFragment(5060, payload, datagram), T, 20 + 8 + payload.length);
    feed.frame(laterFragment(), T, 40);

    assertThat(facts.of(IpFragment.class))
        .extracting(
            IpFragment::endpoints, IpFragment::datagramBytes, IpFragment::firstFragmentBytes)
        .containsExactly(
            tuple(
                new Endpoints("192.0.2.71", 5060, "198.51.100.10", 5060),
                datagram,
                payload.length));
    assertThat(facts.of(SipMessage.class))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.method()).isEqualTo("REGISTER");
              assertThat(m.cseq()).isEqualTo(1);
              assertThat(m.tcpLength()).isEqualTo(datagram);
              assertThat(m.anomalies()).isEmpty();
            });
    assertThat(facts.of(Anomaly.class)).extracting(Anomaly::code).containsExactly("ip-fragment");
  }

  @Test
  void theFirstFragmentOfAnotherUdpDatagramStaysAnAnomaly() {
    FactCollector facts = new FactCollector();
    FrameFeed feed = new FrameFeed(LinkType.RAW, "phone.pcap", facts);
    byte[] payload = new byte[64];

    feed.frame(firstFragment(53, payload, 1400), T, 20 + 8 + payload.length);

    assertThat(facts.of(IpFragment.class)).isEmpty();
    assertThat(facts.of(Anomaly.class)).extracting(Anomaly::code).containsExactly("ip-fragment");
  }

  /** IPv4 with more-fragments set and offset 0, then a UDP header announcing the whole datagram. */
  private static byte[] firstFragment(int port, byte[] payload, int datagramPayload) {
    byte[] f = ipv4(8 + payload.length, 0x2000);
    u16(f, 20, port);
    u16(f, 22, port);
    u16(f, 24, 8 + datagramPayload);
    System.arraycopy(payload, 0, f, 28, payload.length);
    return f;
  }

  /** A later fragment: offset 1000 bytes, no UDP header. */
  private static byte[] laterFragment() {
    return ipv4(20, 1000 / 8);
  }

  private static byte[] ipv4(int ipPayload, int fragmentField) {
    byte[] f = new byte[20 + ipPayload];
    f[0] = 0x45;
    u16(f, 2, f.length);
    u16(f, 4, 0x1002);
    u16(f, 6, fragmentField);
    f[8] = 64;
    f[9] = 17;
    byte[] src = {(byte) 192, 0, 2, 71};
    byte[] dst = {(byte) 198, 51, 100, 10};
    System.arraycopy(src, 0, f, 12, 4);
    System.arraycopy(dst, 0, f, 16, 4);
    return f;
  }

  private static void u16(byte[] b, int at, int v) {
    b[at] = (byte) (v >> 8);
    b[at + 1] = (byte) v;
  }
}
