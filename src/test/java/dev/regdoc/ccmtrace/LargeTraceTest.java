package dev.regdoc.ccmtrace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bench.BenchTraceWriter;
import dev.regdoc.bench.TraceBench;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace of over 200 MB (a busy node's registrations, keepalives and call processing) is read
 * through the upload path in a JVM with 64 MB of heap, and the heap still in use after each garbage
 * collection stays a small fraction of the file: the reader holds lines and messages, never the
 * file. Records go to a sink that counts them; what an analysis keeps is capped by TraceSession.
 */
class LargeTraceTest {
  private static final long SIZE = 210L << 20;

  @Test
  void aTwoHundredMegabyteTraceIsReadWithSixtyFourMegabytesOfHeap(@TempDir Path dir)
      throws Exception {
    Path trace = dir.resolve("SDL001_100_000001.txt");
    BenchTraceWriter.Counts written = new BenchTraceWriter().write(trace, SIZE);
    assertThat(Files.size(trace)).isGreaterThan(200L << 20);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                TraceBench.class.getName(),
                trace.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("Exception");

    // bytes records seconds liveHeap cpuSeconds
    String[] figures = output.lines().findFirst().orElseThrow().split(" ");
    long liveHeap = Long.parseLong(figures[3]);
    assertThat(Long.parseLong(figures[0])).isEqualTo(Files.size(trace));
    assertThat(liveHeap).as("heap after a collection (%s)", output).isPositive();
    assertThat(liveHeap).as("heap after a collection").isLessThan(48L << 20);
    assertThat(liveHeap * 8).as("heap against the file").isLessThan(Files.size(trace));
    // every registration was read, as far as the record cap lets an analysis keep them
    assertThat(output)
        .contains("records {TraceFile=1, TraceSccp=")
        .contains("trace records were left out: an analysis keeps at most 200000");
    assertThat(written.registers).isGreaterThan(40_000);
  }
}
