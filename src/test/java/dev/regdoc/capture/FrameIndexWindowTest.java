package dev.regdoc.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bench.BenchCaptureWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame walk reads the file through a small window instead of mapping it whole (a mapping
 * counts the whole capture as the process's memory): the walk must give the same answers whatever
 * the window's size, across every window boundary.
 */
class FrameIndexWindowTest {
  @TempDir Path tmp;

  @Test
  void everyCaptureInTheTestsWalksAlikeThroughATinyWindow() throws IOException {
    List<Path> captures;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
      captures =
          s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
              .sorted()
              .toList();
    }
    assertThat(captures).hasSizeGreaterThan(10);
    for (Path p : captures) {
      assertThat(walk(p, 16)).as(p.toString()).isEqualTo(walk(p, FrameIndex.WINDOW));
    }
  }

  @Test
  void aCaptureLargerThanTheWindowIsWalkedToItsLastFrame() throws IOException {
    Path file = tmp.resolve("mixed.pcap");
    long packets =
        new BenchCaptureWriter().write(file, BenchCaptureWriter.Profile.MIXED, 3L << 20).packets;
    assertThat(Files.size(file)).isGreaterThan(2L * FrameIndex.WINDOW);
    try (FrameIndex index = new FrameIndex(file)) {
      assertThat(index.countAll()).isEqualTo(packets);
    }
    assertThat(walk(file, 100)).isEqualTo(walk(file, FrameIndex.WINDOW));
  }

  private static String walk(Path p, int window) throws IOException {
    try (FrameIndex index = new FrameIndex(p, window)) {
      long frames = index.countAll();
      return frames + " frames, link types " + index.linkTypes() + ", " + index.invalidTimestamps;
    }
  }
}
