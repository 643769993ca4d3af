package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.RealData;
import org.junit.jupiter.api.Test;

/**
 * Frame numbers under the BPF filter are the file's true frame numbers (as Wireshark numbers them),
 * and decoded values match tshark (values taken from tshark 4.0.17 on the same files).
 */
class RealCaptureFrameNumberTest {

  @Test
  void sccpPhoneRegisterFramesAndValues() {
    Capture c = Capture.read(RealData.pcap("russo-collab/sccp_phone_register.pcapng"));
    // tshark: 3 EnhancedAlarm, 4 RegisterReq SEP002155D548AC 14.50.224.5, 5 RegisterAck 30/60, 48
    // KeepAliveReq, 49 KeepAliveAck
    assertThat(c.of(SccpMessage.class))
        .filteredOn(
            m ->
                m.messageId() <= 1
                    || m.messageId() == 0x81
                    || m.messageId() == 0x100
                    || m.messageId() == 0x15A)
        .extracting(
            m -> m.origin().frame(),
            SccpMessage::name,
            SccpMessage::deviceName,
            SccpMessage::stationIp,
            SccpMessage::keepAliveInterval,
            SccpMessage::secondaryKeepAliveInterval)
        .containsExactly(
            tuple(3L, "EnhancedAlarm", null, null, 0, 0),
            tuple(4L, "RegisterReq", "SEP002155D548AC", "14.50.224.5", 0, 0),
            tuple(5L, "RegisterAck", null, null, 30, 60),
            tuple(48L, "KeepAliveReq", null, null, 0, 0),
            tuple(49L, "KeepAliveAck", null, null, 0, 0));
    SccpMessage alarm = c.of(SccpMessage.class).get(0);
    assertThat(alarm.text()).contains("<Enum name=\"ReasonForOutOfService\">25</Enum>");
    // frame 47: "previous segment not captured" in tshark
    assertThat(c.anomalyCodes()).doesNotContain("sccp-bad-header");
    assertThat(c.summary().frames()).isEqualTo(49);
  }

  @Test
  void rawIpLinkTypeFrames() {
    Capture c = Capture.read(RealData.pcap("russo-collab/sccp_fxs_register.pcapng"));
    assertThat(c.summary().linkTypes()).containsExactly("RAW (101)");
    assertThat(c.of(SccpMessage.class))
        .filteredOn(m -> m.messageId() == 1 || m.messageId() == 0x81)
        .extracting(
            m -> m.origin().frame(),
            SccpMessage::deviceName,
            SccpMessage::stationIp,
            SccpMessage::keepAliveInterval)
        .containsExactly(
            tuple(1L, "ANC288093711081", "172.18.110.57", 0),
            tuple(3L, null, null, 30),
            tuple(21L, "ANC288093711FFF", "172.18.110.57", 0),
            tuple(23L, null, null, 30));
  }

  @Test
  void realRetransmissionOnPort2000() {
    Capture c = Capture.read(RealData.pcap("russo-collab/sccp_hw_xcode_register.pcapng"));
    // tshark: frame 14 retransmits frame 13 (2000 -> 62989, 28 bytes, raw seq 1576249872)
    assertThat(c.of(TcpRetransmission.class))
        .extracting(
            r -> r.origin().frame(),
            TcpRetransmission::originalFrame,
            TcpRetransmission::seq,
            TcpRetransmission::length,
            TcpRetransmission::attempt,
            r -> r.endpoints().srcPort())
        .containsExactly(tuple(14L, 13L, 1576249872L, 28, 1, 2000));
    assertThat(c.of(TcpRetransmission.class).get(0).delaySeconds()).isPositive();
  }

  @Test
  void rtoSeriesOnAPortGivenAsExtraSipPort() {
    // not SIP: port 1043 is only made a signaling port so that regdoc follows the flow
    Capture c = Capture.read(RealData.pcap("chrissanders/tcp_retransmissions.pcapng"), 1043);
    assertThat(c.of(TcpRetransmission.class))
        .extracting(
            r -> r.origin().frame(),
            TcpRetransmission::originalFrame,
            TcpRetransmission::attempt,
            r -> Math.round(r.delaySeconds() * 1000))
        .containsExactly(
            tuple(2L, 1L, 1, 206L),
            tuple(3L, 1L, 2, 806L),
            tuple(4L, 1L, 3, 2006L),
            tuple(5L, 1L, 4, 4406L),
            tuple(6L, 1L, 5, 9211L));
    assertThat(c.of(TcpDelivered.class)).isEmpty(); // never acknowledged in the capture
  }

  @Test
  void sipRegisterFramesOverUdpAndTcp() {
    Capture hello = Capture.read(RealData.pcap("ndpi/sip_hello.pcapng"));
    assertThat(hello.of(SipMessage.class))
        .filteredOn(SipMessage::isRegister)
        .extracting(m -> m.origin().frame(), SipMessage::method, SipMessage::status)
        .containsExactly(
            tuple(9L, "REGISTER", 0),
            tuple(10L, null, 401),
            tuple(11L, "REGISTER", 0),
            tuple(12L, null, 200),
            tuple(25L, "REGISTER", 0),
            tuple(26L, null, 401),
            tuple(27L, "REGISTER", 0),
            tuple(28L, null, 200));

    // the REGISTER is split over TCP segments; tshark shows it on frame 6, the one completing it
    Capture tcp = Capture.read(RealData.pcap("suricata-verify/sip-tcp.pcap"));
    SipMessage register = tcp.of(SipMessage.class).get(0);
    assertThat(register.method()).isEqualTo("REGISTER");
    assertThat(register.origin().frame()).isEqualTo(6);
    assertThat(register.firstFrame()).isEqualTo(4);
    assertThat(register.expiresHeader()).isEqualTo(600);
  }
}
