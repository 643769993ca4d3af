package dev.regdoc.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The public captures in ../shared/data (relative to the project root, as CI has them). */
public final class RealData {
  public static final Path ROOT = Path.of("..", "shared", "data");
  public static final Path PCAP = ROOT.resolve("pcap");

  private RealData() {}

  /** A file under ../shared/data/pcap; skips the test with a clear message when it is absent. */
  public static Path pcap(String relative) {
    Path p = PCAP.resolve(relative);
    assumeTrue(
        Files.isDirectory(PCAP),
        "real captures folder "
            + PCAP.toAbsolutePath().normalize()
            + " is absent; tests on real captures are skipped");
    assumeTrue(Files.isRegularFile(p), "real capture " + p + " is absent; skipped");
    return p;
  }
}
