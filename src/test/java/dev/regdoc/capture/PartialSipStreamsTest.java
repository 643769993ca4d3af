package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.SipMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of SIP streams that each stop mid-message (a 2.7 MB gzip capture reached 819 MB this
 * way) hold a bounded number of bytes together; what had to be dropped is named in an anomaly per
 * stream and one sentence for the file, and a stream still reads the messages after the one it
 * dropped.
 */
class PartialSipStreamsTest {
  private static final Instant T = Instant.parse("2025-06-01T00:00:00Z");
  private static final byte[] PARTIAL_HEAD =
      ("REGISTER sip:198.51.100.1 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.10:5060\r\n"
              + "X-Pad: "
              + "a".repeat(40_000)
              + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WHOLE =
      ("OPTIONS sip:198.51.100.1 SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 OPTIONS\r\n"
              + "Content-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final List<Fact> facts = new ArrayList<>();

  @Test
  void threeThousandUnfinishedStreamsHoldABoundedTotal() {
    HeldBytes held = new HeldBytes();
    List<SipStreamAssembler> streams = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      SipStreamAssembler s = new SipStreamAssembler("c.pcap", endpoints(i), facts::add, held);
      s.append(PARTIAL_HEAD, 0, PARTIAL_HEAD.length, 1000, i + 1, T);
      streams.add(s);
    }

    assertThat(held.peak()).isLessThanOrEqualTo(HeldBytes.MAX_TOTAL);
    assertThat(held.droppedMessages()).isPositive();
    assertThat(anomalies("tcp-partial-message-dropped")).hasSize((int) held.droppedMessages());
    assertThat(held.problem().text())
        .startsWith(held.droppedMessages() + " unfinished TCP messages (");

    SipStreamAssembler last = streams.get(streams.size() - 1);
    last.append(WHOLE, 0, WHOLE.length, 1000 + PARTIAL_HEAD.length, 9999, T);
    assertThat(facts).filteredOn(SipMessage.class::isInstance).hasSize(1);
  }

  @Test
  void aFinishedMessageGivesItsBytesBack() {
    HeldBytes held = new HeldBytes();
    SipStreamAssembler s = new SipStreamAssembler("c.pcap", endpoints(1), facts::add, held);
    s.append(PARTIAL_HEAD, 0, PARTIAL_HEAD.length, 1000, 1, T);
    assertThat(held.held()).isPositive();

    byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
    s.append(end, 0, end.length, 1000 + PARTIAL_HEAD.length, 2, T);
    assertThat(facts).filteredOn(SipMessage.class::isInstance).hasSize(1);
    assertThat(held.held()).isZero();
    assertThat(held.problem()).isNull();
    assertThat(s.bufferBytes()).as("a stream between messages holds no buffer").isZero();
  }

  @Test
  void messagesWholeInTheirSegmentAreReadWhereTheyAreAndOnlyTheRestIsHeld() {
    byte[] big = register(1, 1500);
    byte[] second = register(2, 900);
    byte[] segment = new byte[big.length + second.length + 40];
    System.arraycopy(big, 0, segment, 0, big.length);
    System.arraycopy(second, 0, segment, big.length, second.length);
    System.arraycopy(big, 0, segment, big.length + second.length, 40); // a third one begins
    HeldBytes held = new HeldBytes();
    SipStreamAssembler s = new SipStreamAssembler("c.pcap", endpoints(1), facts::add, held);

    s.append(segment, 0, segment.length, 1000, 7, T);

    // two messages of 1.5 KB and 0.9 KB read from the segment itself: the stream grew for neither
    assertThat(held.peak()).isZero();
    assertThat(facts)
        .filteredOn(SipMessage.class::isInstance)
        .map(SipMessage.class::cast)
        .extracting(SipMessage::cseq, SipMessage::tcpSeq, SipMessage::tcpLength)
        .containsExactly(
            tuple(1L, 1000L, big.length), tuple(2L, 1000L + big.length, second.length));

    assertThat(s.bufferBytes()).isLessThan(big.length); // the third one's start only
    // the third one's start was kept, and it completes from the next segment
    s.append(big, 40, big.length - 40, 1000 + big.length + second.length + 40, 8, T);
    assertThat(facts)
        .filteredOn(SipMessage.class::isInstance)
        .map(SipMessage.class::cast)
        .extracting(SipMessage::cseq, SipMessage::firstFrame, SipMessage::tcpSeq)
        .last()
        .isEqualTo(tuple(1L, 7L, 1000L + big.length + second.length));
    assertThat(held.held()).isZero();
  }

  private static byte[] register(long cseq, int size) {
    String head =
        "REGISTER sip:198.51.100.1 SIP/2.0\r\nCall-ID: c"
            + cseq
            + "\r\nCSeq: "
            + cseq
            + " REGISTER\r\nContent-Length: 0\r\nX-Pad: ";
    return (head + "a".repeat(size - head.length() - 4) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static Endpoints endpoints(int i) {
    return new Endpoints("192.0.2." + (i % 200 + 1), 10_000 + i, "198.51.100.1", 5060);
  }

  private List<Anomaly> anomalies(String code) {
    return facts.stream()
        .filter(Anomaly.class::isInstance)
        .map(Anomaly.class::cast)
        .filter(a -> a.code().equals(code))
        .toList();
  }
}
