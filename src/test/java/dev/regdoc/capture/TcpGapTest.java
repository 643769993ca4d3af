package dev.regdoc.capture;

import static dev.regdoc.capture.CucmStreamAtPhone.CUCM;
import static dev.regdoc.capture.CucmStreamAtPhone.PHONE;
import static dev.regdoc.capture.CucmStreamAtPhone.PP;
import static dev.regdoc.testing.TestPcap.ACK;
import static dev.regdoc.testing.TestPcap.PSH;
import static dev.regdoc.testing.TestPcap.SYN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpGap;
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.TestPcap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gap in what the CUCM sent, seen at the phone's capture point: recorded as lost before it only
 * when the phone's own ACK says it lacked the data, never when the capture alone missed it or the
 * network reordered two segments.
 */
class TcpGapTest {
  @TempDir Path dir;

  private final String trying = SipEdgeCaseTest.register(1);
  private final String ok = SipEdgeCaseTest.register(2);
  private final long first = CucmStreamAtPhone.FIRST;
  private final long second = first + trying.length();
  private final long end = second + ok.length();

  private Capture read(TestPcap p) throws Exception {
    return CucmStreamAtPhone.read(dir, p);
  }

  private TestPcap secondArrivesFirst() {
    return CucmStreamAtPhone.secondArrivesFirst(trying, ok);
  }

  @Test
  void dataThePhoneLackedUntilItCameAgainWasLostBeforeIt() throws Exception {
    Capture c =
        read(
            secondArrivesFirst()
                .at(2.2521)
                .tcp(PHONE, PP, CUCM, 5060, 101, first, ACK, "") // duplicate ACK: still at 501
                .at(2.2522)
                .tcp(CUCM, 5060, PHONE, PP, first, 101, ACK | PSH, trying)
                .at(2.2523)
                .tcp(PHONE, PP, CUCM, 5060, 101, end, ACK, ""));
    assertThat(c.of(TcpGap.class))
        .extracting(
            g -> g.origin().frame(),
            TcpGap::aheadFrame,
            TcpGap::seq,
            TcpGap::length,
            g -> g.endpoints().srcIp())
        .containsExactly(tuple(4L, 2L, first, trying.length(), CUCM));
    // the phone sent no data the capture saw acknowledged: how long it was quiet is unknown
    assertThat(c.of(TcpGap.class).get(0).receiverQuiet()).isEqualTo(-1);
    // the data sent again into the hole is read as its message, each message at its own frame
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::cseq)
        .containsExactlyInAnyOrder(tuple(4L, 1L), tuple(2L, 2L));
  }

  @Test
  void theGapSaysHowLongAgoThePhonesOwnDataGotThrough() throws Exception {
    String register = SipEdgeCaseTest.register(7);
    Capture c =
        read(
            new TestPcap()
                .at(2.0)
                .tcp(CUCM, 5060, PHONE, PP, first - 1, 101, SYN | ACK, "")
                .at(2.0409)
                .tcp(PHONE, PP, CUCM, 5060, 101, first, ACK | PSH, register)
                .at(2.041)
                .tcp(CUCM, 5060, PHONE, PP, first, 101 + register.length(), ACK, "") // got through
                .at(2.252)
                .tcp(CUCM, 5060, PHONE, PP, second, 101 + register.length(), ACK | PSH, ok)
                .at(2.2521)
                .tcp(PHONE, PP, CUCM, 5060, 101 + register.length(), first, ACK, "")
                .at(2.2522)
                .tcp(CUCM, 5060, PHONE, PP, first, 101 + register.length(), ACK | PSH, trying));
    assertThat(c.of(TcpGap.class))
        .singleElement()
        .satisfies(g -> assertThat(Math.round(g.receiverQuiet() * 1000)).isEqualTo(211));
  }

  @Test
  void dataThePhoneAcknowledgedWasOnlyMissedByTheCapture() throws Exception {
    Capture c =
        read(
            secondArrivesFirst()
                .at(2.2521)
                .tcp(PHONE, PP, CUCM, 5060, 101, end, ACK, "") // the phone had it all
                .at(2.4)
                .tcp(CUCM, 5060, PHONE, PP, first, 101, ACK | PSH, trying));
    assertThat(c.of(TcpGap.class)).isEmpty();
  }

  @Test
  void dataThatCameBeforeThePhoneAnsweredWasReordered() throws Exception {
    Capture c =
        read(
            secondArrivesFirst()
                .at(2.25201)
                .tcp(CUCM, 5060, PHONE, PP, first, 101, ACK | PSH, trying)
                .at(2.2523)
                .tcp(PHONE, PP, CUCM, 5060, 101, end, ACK, ""));
    assertThat(c.of(TcpGap.class)).isEmpty();
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::cseq)
        .containsExactlyInAnyOrder(tuple(3L, 1L), tuple(2L, 2L));
  }
}
