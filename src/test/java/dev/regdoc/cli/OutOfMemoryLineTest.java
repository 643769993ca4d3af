package dev.regdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.testing.TestPcap;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the heap runs out anyway (the fact budget set past what the heap holds), the command says so
 * in one line with what to do, and exits with its own code: no stack trace, and no wait for ever.
 * Run as child JVMs with small heaps of several sizes, because which thread meets the heap's end
 * first (the one reading libpcap, the one decoding, one started ahead) depends on the size: a
 * reading thread that failed even to hand over its end once left the command waiting for good.
 */
class OutOfMemoryLineTest {
  private static final String SIP =
      "REGISTER sip:198.51.100.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060\r\n"
          + "From: <sip:1001@198.51.100.1>;tag=1\r\nTo: <sip:1001@198.51.100.1>\r\n"
          + "Call-ID: 1@192.0.2.10\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {16, 24, 32, 48, 64})
  void aHeapThatRunsOutGivesOneLineNamingRegdocHeap(int heapMegabytes) throws Exception {
    byte[] frame = new TestPcap().udp("192.0.2.10", 5060, "198.51.100.1", 5060, SIP).frame(1);
    Path pcap = repeated(dir.resolve("many.pcap"), frame, 200_000);

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                productClassPath(),
                "-Xmx" + heapMegabytes + "m",
                "-Dregdoc.maxFacts=" + Long.MAX_VALUE,
                "-Djava.awt.headless=true",
                "-Duser.home=" + dir,
                Main.class.getName(),
                "timeline",
                "--format",
                "json",
                pcap.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the command ended with a heap of %d MB", heapMegabytes).isTrue();
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(out).isEqualTo(Main.OUT_OF_MEMORY_EXIT);
    assertThat(out).contains("ran out of memory", "REGDOC_HEAP");
    assertThat(out).doesNotContain("\tat ", "Exception in thread", "OutOfMemoryError");
    assertThat(out.split("ran out of memory", -1)).as("said once: %s", out).hasSize(2);
  }

  /** A little-endian pcap of {@code count} copies of the Ethernet {@code frame}, a second apart. */
  private static Path repeated(Path file, byte[] frame, int count) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
      out.write(b.putInt(65535).putInt(1).array());
      for (int i = 0; i < count; i++) {
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(1_700_000_000 + i).putInt(0).putInt(frame.length).putInt(frame.length);
        out.write(r.array());
        out.write(frame);
      }
    }
    return file;
  }

  /** The class path without the tests' classes: their logback-test.xml would set up logging. */
  private static String productClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
