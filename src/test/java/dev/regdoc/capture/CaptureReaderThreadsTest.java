package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.bench.BenchCaptureWriter;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.SipMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader reads libpcap on a thread of its own and decodes on the caller's: over captures many
 * batches long the facts still come in capture order with Wireshark's frame numbers, and a failing
 * sink, an interrupted caller or a capture cut short all end the reading thread cleanly.
 */
class CaptureReaderThreadsTest {
  @TempDir static Path dir;
  static Path capture;
  static BenchCaptureWriter.Counts counts;

  @BeforeAll
  static void writeCapture() throws IOException {
    capture = dir.resolve("dense.pcap");
    counts =
        new BenchCaptureWriter().write(capture, BenchCaptureWriter.Profile.SIP_DENSE, 6L << 20);
    // far more packets and bytes than the batches in flight hold, so the hand-over wraps many times
    assertThat(counts.packets).isGreaterThan(10L * PacketBatch.MAX_PACKETS);
    assertThat(counts.bytes).isGreaterThan(4L * PacketBatch.MAX_BYTES);
  }

  @Test
  void factsComeInCaptureOrderOverManyBatches() throws IOException {
    List<Fact> facts = new ArrayList<>();
    CaptureSummary s = new CaptureReader().read(capture, "dense.pcap", facts::add);

    assertThat(s.problems()).isEmpty();
    assertThat(s.frames()).isEqualTo(counts.packets);
    long[] frames = facts.stream().mapToLong(f -> f.origin().frame()).toArray();
    assertThat(frames).isSorted().doesNotContain(0L);
    assertThat(frames[frames.length - 1]).isLessThanOrEqualTo(counts.packets);
    assertThat(
            facts.stream()
                .filter(
                    f -> f instanceof SipMessage && "REGISTER".equals(((SipMessage) f).method()))
                .count())
        .isEqualTo(
            counts.registers); // retransmitted copies are TcpRetransmission facts, not new messages
    assertNoReadingThreadLeft();
  }

  @Test
  void progressComesAboutEveryTenthAndEndsAtTheFilesSize() throws IOException {
    List<long[]> reports = new ArrayList<>();
    new CaptureReader()
        .read(
            capture,
            "dense.pcap",
            f -> {},
            (file, done, total) -> reports.add(new long[] {done, total}));
    long size = Files.size(capture);
    assertThat(reports).hasSizeBetween(5, 11).allSatisfy(r -> assertThat(r[1]).isEqualTo(size));
    assertThat(reports.stream().mapToLong(r -> r[0]).toArray()).isSorted().endsWith(size);
  }

  @Test
  void aFailingSinkStopsTheReadingThread() {
    int[] seen = {0};
    assertThatThrownBy(
            () ->
                new CaptureReader()
                    .read(
                        capture,
                        "dense.pcap",
                        f -> {
                          if (++seen[0] == 5_000) {
                            throw new IllegalStateException("sink full");
                          }
                        }))
        .hasMessage("sink full");
    assertNoReadingThreadLeft();
  }

  @Test
  void anInterruptedCallerKeepsWhatWasReadAndIsTold() throws IOException {
    List<Fact> facts = new ArrayList<>();
    CaptureSummary s;
    try {
      s =
          new CaptureReader()
              .read(
                  capture,
                  "dense.pcap",
                  f -> {
                    facts.add(f);
                    if (facts.size() == 5_000) {
                      Thread.currentThread().interrupt();
                    }
                  });
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }
    assertThat(s.problems())
        .anySatisfy(
            p -> assertThat(p).startsWith("dense.pcap: reading was interrupted after frame "));
    assertThat(facts.size()).isBetween(5_000, 5_000 + 2 * PacketBatch.MAX_PACKETS * 4);
    assertNoReadingThreadLeft();
  }

  @Test
  void aCaptureCutShortKeepsEveryFrameBeforeTheCut() throws IOException {
    byte[] whole = Files.readAllBytes(capture);
    Path cut = dir.resolve("cut.pcap");
    Files.write(
        cut, Arrays.copyOf(whole, whole.length * 7 / 10 + 3)); // mid-record, many batches in
    List<Fact> facts = new ArrayList<>();
    CaptureSummary s = new CaptureReader().read(cut, "cut.pcap", facts::add);

    assertThat(s.problems())
        .singleElement()
        .asString()
        .startsWith("cut.pcap: reading stopped at frame ")
        .contains(" frames before it were read");
    long stoppedAt =
        Long.parseLong(
            s.problems().get(0).replaceAll("^cut.pcap: reading stopped at frame (\\d+):.*$", "$1"));
    assertThat(s.frames()).isEqualTo(stoppedAt - 1).isGreaterThan(counts.packets / 2);
    List<Fact> wholeFacts = new ArrayList<>();
    new CaptureReader().read(capture, "cut.pcap", wholeFacts::add);
    assertThat(sipMessages(facts))
        .isEqualTo(
            sipMessages(wholeFacts.stream().filter(f -> f.origin().frame() < stoppedAt).toList()));
    assertNoReadingThreadLeft();
  }

  private static List<SipMessage> sipMessages(List<Fact> facts) {
    return facts.stream().filter(f -> f instanceof SipMessage).map(f -> (SipMessage) f).toList();
  }

  private static void assertNoReadingThreadLeft() {
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("regdoc-pcap ") && t.isAlive());
  }
}
