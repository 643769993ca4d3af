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
import dev.regdoc.testing.Capture;
import dev.regdoc.testing.TestPcap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data that reaches the capture point after later data of its stream is still read as the message
 * it carries, at its own frame, and the message that came ahead keeps its frame too: a stream is
 * handed to the SIP reader in sequence order, as the receiver's TCP would, not in arrival order.
 * {@link TcpGapTest} checks the same for one hole filled by a resend and one by reordering.
 */
class TcpHoleReassemblyTest {
  @TempDir Path dir;

  private final String firstMessage = SipEdgeCaseTest.register(1);
  private final String secondMessage = SipEdgeCaseTest.register(2);
  private final String thirdMessage = SipEdgeCaseTest.register(3);
  private final long first = CucmStreamAtPhone.FIRST;
  private final long second = first + firstMessage.length();
  private final long third = second + secondMessage.length();
  private final long end = third + thirdMessage.length();

  private Capture read(TestPcap p) throws Exception {
    return CucmStreamAtPhone.read(dir, p);
  }

  private TestPcap secondArrivesFirst() {
    return CucmStreamAtPhone.secondArrivesFirst(firstMessage, secondMessage);
  }

  @Test
  void twoHolesFilledInTurnAreAllRead() throws Exception {
    Capture c =
        read(
            new TestPcap()
                .at(2.04)
                .tcp(CUCM, 5060, PHONE, PP, first - 1, 101, SYN | ACK, "")
                .at(2.252)
                .tcp(CUCM, 5060, PHONE, PP, third, 101, ACK | PSH, thirdMessage)
                .at(2.253)
                .tcp(CUCM, 5060, PHONE, PP, first, 101, ACK | PSH, firstMessage)
                .at(2.254)
                .tcp(CUCM, 5060, PHONE, PP, second, 101, ACK | PSH, secondMessage));
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::cseq)
        .containsExactlyInAnyOrder(tuple(3L, 1L), tuple(4L, 2L), tuple(2L, 3L));
  }

  @Test
  void aMessageAheadOfBytesOnlyTheCaptureMissedIsRead() throws Exception {
    Capture c =
        read(
            secondArrivesFirst()
                .at(2.2521)
                .tcp(PHONE, PP, CUCM, 5060, 101, end - thirdMessage.length(), ACK, ""));
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::cseq)
        .containsExactly(tuple(2L, 2L));
  }

  @Test
  void aMessageAheadOfAHoleNeverFilledIsReadAtTheCapturesEnd() throws Exception {
    Capture c = read(secondArrivesFirst());
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame(), SipMessage::cseq)
        .containsExactly(tuple(2L, 2L));
  }

  @Test
  void moreMessagesThanAStreamMayHoldBehindAHoleAreAllRead() throws Exception {
    int behind = SequencedFeed.MAX_WAITING + 6;
    TestPcap p = new TestPcap().at(2.0).tcp(CUCM, 5060, PHONE, PP, first - 1, 101, SYN | ACK, "");
    long seq = second; // the first message is never in the capture, and no ACK says so
    for (int i = 0; i < behind; i++) {
      String m = SipEdgeCaseTest.register(10 + i);
      p.at(2.1 + i * 0.01).tcp(CUCM, 5060, PHONE, PP, seq, 101, ACK | PSH, m);
      seq += m.length();
    }
    Capture c = read(p);
    assertThat(c.of(SipMessage.class)).extracting(SipMessage::cseq).hasSize(behind);
    assertThat(c.of(SipMessage.class))
        .extracting(m -> m.origin().frame())
        .doesNotHaveDuplicates()
        .allMatch(f -> f >= 2 && f < 2 + behind);
  }
}
