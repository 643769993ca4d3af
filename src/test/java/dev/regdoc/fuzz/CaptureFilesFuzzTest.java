package dev.regdoc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.CaptureSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes whole capture files through {@link CaptureReader}, as an upload is read: libpcap (native)
 * and regdoc's own walk of the record structure, then decoding. A file that cannot be opened is an
 * IOException (the user is told why); anything else must give a summary whose sentences name the
 * file.
 *
 * <p>libpcap is native code: if it crashed, the JVM would die without Jazzer writing the input. So
 * each input is first written to {@code target/fuzz/<method>.current} and read from there; after a
 * JVM death that file is the reproducer (bot/fuzz says so).
 */
@Tag("fuzz")
class CaptureFilesFuzzTest {
  private static final String NAME = "upload.cap";

  /** Seeds: small pcap files (microsecond and nanosecond, several link types). */
  @FuzzTest
  void pcap(byte[] file) throws IOException {
    read(file, "pcap");
  }

  /** Seeds: small pcapng files (several sections, interfaces and block types). */
  @FuzzTest
  void pcapng(byte[] file) throws IOException {
    read(file, "pcapng");
  }

  private static void read(byte[] bytes, String harness) throws IOException {
    Path file = Path.of("target", "fuzz", harness + ".current");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    FactChecks facts = FactChecks.forCapture(NAME);
    CaptureSummary s;
    try {
      s = new CaptureReader().read(file, NAME, facts);
    } catch (IOException e) {
      assertThat(e.getMessage()).as("why the file cannot be opened").isNotBlank();
      return;
    }
    assertThat(s.file()).isEqualTo(NAME);
    assertThat(s.bytes()).isEqualTo(bytes.length);
    assertThat(s.frames()).isNotNegative();
    assertThat(s.framesDecoded())
        .as("decoded frames are frames of the file")
        .isBetween(0L, s.frames());
    assertThat(facts.lastFrame())
        .as("frame numbers within the file")
        .isLessThanOrEqualTo(Math.max(s.frames(), s.framesDecoded()));
    assertThat(s.problems()).allSatisfy(p -> assertThat(p).startsWith(NAME + ": "));
    if (s.first() != null) {
      assertThat(s.last()).isNotNull();
    }
  }
}
