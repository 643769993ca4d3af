package dev.regdoc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.regdoc.capture.FrameFeed;
import dev.regdoc.capture.LinkType;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes what a capture pass does with the packets libpcap returns: header decoding of single
 * frames, SIP heads over UDP, SIP and SCCP cut into fuzz-chosen TCP segments, and TCP reassembly
 * with fuzz-chosen sequence numbers and flags. Nothing may throw; facts keep their promises (see
 * {@link FactChecks}); output stays proportional to input.
 */
@Tag("fuzz")
class FramesFuzzTest {
  private static final String FILE = "fuzz.pcap";
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final LinkType[] LINKS = LinkType.values();

  /** First byte: link type; the rest: one frame, as libpcap would return it. */
  @FuzzTest
  void frame(byte[] data) {
    if (data.length == 0) {
      return;
    }
    FactChecks facts = FactChecks.forCapture(FILE);
    FrameFeed feed = new FrameFeed(LINKS[(data[0] & 0xff) % LINKS.length], FILE, facts);
    byte[] frame = Arrays.copyOfRange(data, 1, data.length);
    feed.frame(frame, T0, frame.length + (data[0] >> 4 & 0x0f));
    assertThat(facts.lastFrame()).isBetween(0L, 1L);
    assertBounded(facts, data.length, 1);
  }

  /** The bytes as the payload of one UDP datagram to the SIP port. */
  @FuzzTest
  void sipHead(byte[] payload) {
    FactChecks facts = FactChecks.forCapture(FILE);
    FrameFeed feed = new FrameFeed(LinkType.ETHERNET, FILE, facts);
    feed.frame(Frames.udp(Frames.PHONE, 5060, Frames.CUCM, 5060, payload), T0, 0);
    for (SipMessage m :
        facts.facts().stream()
            .filter(SipMessage.class::isInstance)
            .map(SipMessage.class::cast)
            .toList()) {
      assertThat(m.tcpLength()).isEqualTo(payload.length);
      assertThat(m.tcpSeq()).isEqualTo(-1);
    }
    assertThat(facts.count(SipMessage.class)).isLessThanOrEqualTo(1);
    assertBounded(facts, payload.length, 1);
  }

  /**
   * A SIP over TCP stream (the data from the front) cut into segments whose sizes come from the
   * end.
   */
  @FuzzTest
  void sipStream(FuzzedDataProvider data) {
    stream(data, 5060, SipMessage.class);
  }

  /** An SCCP stream (the data from the front) cut into segments whose sizes come from the end. */
  @FuzzTest
  void sccpStream(FuzzedDataProvider data) {
    stream(data, 2000, SccpMessage.class);
  }

  private void stream(FuzzedDataProvider data, int port, Class<?> message) {
    FactChecks facts = FactChecks.forCapture(FILE);
    FrameFeed feed = new FrameFeed(LinkType.ETHERNET, FILE, facts);
    long isn = 1000;
    feed.frame(
        Frames.tcp(Frames.PHONE, 49152, Frames.CUCM, port, isn, 0, Frames.SYN, new byte[0]), T0, 0);
    long seq = isn + 1;
    int frames = 1;
    long bytes = 0;
    while (data.remainingBytes() > 0) {
      int size = data.consumeInt(1, 1460);
      byte[] segment = data.consumeBytes(size);
      if (segment.length == 0) {
        break;
      }
      feed.frame(
          Frames.tcp(Frames.PHONE, 49152, Frames.CUCM, port, seq, 1, Frames.ACK, segment),
          T0.plusMillis(frames),
          0);
      seq += segment.length;
      bytes += segment.length;
      frames++;
    }
    long messageBytes =
        facts.facts().stream()
            .filter(message::isInstance)
            .mapToLong(f -> f instanceof SipMessage s ? s.tcpLength() : ((SccpMessage) f).length())
            .sum();
    assertThat(messageBytes).as("bytes in messages").isLessThanOrEqualTo(bytes);
    assertBounded(facts, bytes, frames);
  }

  /**
   * Both directions of one connection with fuzz-chosen sequence numbers (near where the stream is,
   * so retransmissions, gaps and overlaps are common), flags, acknowledgements, snap-length cuts
   * and payloads.
   */
  @FuzzTest
  void tcpReassembly(FuzzedDataProvider data) {
    FactChecks facts = FactChecks.forCapture(FILE);
    FrameFeed feed = new FrameFeed(LinkType.ETHERNET, FILE, facts);
    int port = data.pickValue(new int[] {5060, 2000, 5061, 2443});
    long[] next = {data.consumeLong(), data.consumeLong()};
    int frames = 0;
    long bytes = 0;
    while (data.remainingBytes() > 0 && frames < 200) {
      int dir = data.consumeBoolean() ? 1 : 0;
      int flags = data.consumeInt(0, 0x3f);
      long seq = next[dir] + data.consumeInt(-3000, 3000);
      long ack = next[1 - dir] + data.consumeInt(-3000, 3000);
      int cut =
          data.consumeInt(0, 3) == 0
              ? data.consumeInt(0, 1460)
              : 0; // snap length cut off this much
      byte[] payload = data.consumeBytes(data.consumeInt(0, 1460));
      byte[] frame =
          dir == 0
              ? Frames.tcp(Frames.PHONE, 49152, Frames.CUCM, port, seq, ack, flags, payload)
              : Frames.tcp(Frames.CUCM, port, Frames.PHONE, 49152, seq, ack, flags, payload);
      int kept = Math.max(54, frame.length - cut);
      feed.frame(
          Arrays.copyOf(frame, Math.min(kept, frame.length)), T0.plusMillis(frames), frame.length);
      next[dir] = seq + payload.length;
      bytes += payload.length;
      frames++;
    }
    assertBounded(facts, bytes, frames);
  }

  /** A reader's output is proportional to its input: no fact storms from a few bytes. */
  private static void assertBounded(FactChecks facts, long bytes, int frames) {
    assertThat((long) facts.facts().size())
        .as("facts from %d bytes in %d frames", bytes, frames)
        .isLessThanOrEqualTo(bytes + 8L * frames + 16);
    assertThat(facts.count(Anomaly.class)).isLessThanOrEqualTo(bytes + 8L * frames + 16);
  }
}
