package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.devconfig.AsaConfigReader;
import dev.regdoc.devconfig.IosConfigReader;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.logs.SyslogReader;
import dev.regdoc.testing.TestPcap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text readers check the analysis's time limit once per physical line and the capture reader
 * once per packet, so an analysis past its limit stops inside them. The clock is one the test
 * moves.
 */
class ReadersStopAtTimeLimitTest {
  private final AtomicLong nanos = new AtomicLong();
  private final List<Fact> facts = new ArrayList<>();

  /** A limit of one second that has already passed. */
  private WorkLimit passed() {
    WorkLimit limit = WorkLimit.of(Duration.ofSeconds(1), nanos::get);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    return limit;
  }

  private TextSummary readUnder(WorkLimit limit, TextReader reader, String text) {
    return WorkLimit.run(
        limit,
        () -> {
          try {
            return reader.read("f.txt", new BufferedReader(new StringReader(text)), facts::add);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void eachTextReaderStopsWithinItsLinesOncePastTheLimit() {
    String lines = "!\n".repeat(1000);
    for (TextReader reader :
        List.of(new SyslogReader(), new IosConfigReader(), new AsaConfigReader())) {
      assertThatThrownBy(() -> readUnder(passed(), reader, lines))
          .as(reader.getClass().getSimpleName())
          .isInstanceOf(WorkStopped.class)
          .extracting(e -> ((WorkStopped) e).why())
          .isEqualTo(WorkStopped.Why.TIMED_OUT);
      nanos.set(0);
    }
  }

  @Test
  void withinTheLimitEveryLineIsRead() {
    WorkLimit limit = WorkLimit.of(Duration.ofSeconds(1), nanos::get);
    assertThat(readUnder(limit, new IosConfigReader(), "!\n".repeat(1000)).lines()).isEqualTo(1000);
  }

  @Test
  void theCaptureReaderStopsWithinItsPackets(@TempDir Path dir) throws Exception {
    TestPcap pcap = new TestPcap();
    for (int i = 0; i < 200; i++) {
      pcap.tcp(TestPcap.PHONE, 53006, TestPcap.CUCM, 5060, 1000 + i, 1, TestPcap.ACK, "");
    }
    Path file = pcap.write(dir.resolve("t.pcap"));
    WorkLimit limit = passed();
    assertThatThrownBy(
            () ->
                WorkLimit.run(
                    limit,
                    () -> {
                      try {
                        return new CaptureReader().read(file, "t.pcap", facts::add);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }))
        .isInstanceOf(WorkStopped.class);
  }
}
