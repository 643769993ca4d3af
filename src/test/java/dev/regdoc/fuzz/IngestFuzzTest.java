package dev.regdoc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.InputSniffer;
import dev.regdoc.ingest.Sniffed;
import dev.regdoc.ingest.TextReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes an upload end to end: the sniffer decides what the bytes are, then ingest unpacks (gzip,
 * zip, with small limits) and hands them to the capture or text readers. Every upload gets a
 * report, and every problem sentence starts with the name the user knows the file by.
 */
@Tag("fuzz")
class IngestFuzzTest {
  private static final String NAME = "upload.bin";
  private static final IngestLimits LIMITS =
      new IngestLimits(1 << 20, 1 << 20, 256 << 10, 20, 3, 1000);
  private static final IngestService INGEST =
      new IngestService(
          new CaptureReader(),
          TextReaders.defaults(Clock.fixed(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC)),
          LIMITS);

  @FuzzTest
  void upload(byte[] bytes) throws IOException {
    Path file = Path.of("target", "fuzz", "upload.current");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Sniffed sniffed = new InputSniffer().sniff(file);
    assertThat(sniffed.kind()).isNotNull();
    assertThat(sniffed.description()).isNotBlank().hasSizeLessThan(200);

    List<FileReport> reports = INGEST.ingest(List.of(new InputFile(file, NAME)), f -> {});
    assertThat(reports).as("every upload gets a report").isNotEmpty();
    assertThat(reports)
        .allSatisfy(
            r -> {
              assertThat(r.file())
                  .matches(
                      n -> n.equals(NAME) || n.startsWith(NAME + "!/"),
                      "the upload or an entry of it");
              assertThat(r.problems()).allSatisfy(p -> assertThat(p).startsWith(NAME));
              assertThat(r.counts().values()).allSatisfy(n -> assertThat(n).isNotNegative());
            });
  }
}
