package dev.regdoc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCaptureWriterTest {

  /** The padded capture is the small one's signaling, then only media and bulk traffic. */
  @Test
  void aPaddedCaptureHoldsTheSignalingOfTheSmallOneInThreeTimesItsSize(@TempDir Path dir)
      throws Exception {
    BenchCaptureWriter.Counts small =
        new BenchCaptureWriter()
            .write(dir.resolve("small.pcap"), BenchCaptureWriter.Profile.MIXED, 1 << 20);
    BenchCaptureWriter.Counts padded =
        new BenchCaptureWriter().writePadded(dir.resolve("padded.pcap"), 1 << 20, 3 << 20);

    assertThat(padded.registers).isPositive().isEqualTo(small.registers);
    assertThat(padded.sccpKeepalives).isEqualTo(small.sccpKeepalives);
    assertThat(padded.arpReplies).isEqualTo(small.arpReplies);
    assertThat(padded.packets).isGreaterThan(2 * small.packets);
    assertThat(Files.size(dir.resolve("padded.pcap")))
        .isGreaterThanOrEqualTo(3L << 20)
        .isGreaterThan(2 * Files.size(dir.resolve("small.pcap")));
  }
}
