package dev.regdoc.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.common.TempFiles;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.testing.RealData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives are judged while they expand: a stream that grows past the ratio is stopped there, and
 * one whose head is nothing regdoc reads is refused before anything is written to disk. The temp
 * folder tells how much was written.
 */
class ExpansionLimitsTest {
  /**
   * Limits of these tests: generous sizes, so that only the ratio (100) and the content can stop an
   * expansion.
   */
  static final IngestLimits LIMITS = new IngestLimits(1L << 30, 1L << 30, 1L << 30, 100, 3, 100);

  static final long SMALL = 2L << 20;
  static final byte[] SYSLOG_LINE =
      ("Jan 10 10:00:00 sw1 %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down\n")
          .getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;
  @TempDir Path tmpParent;

  final FactCollector facts = new FactCollector();
  final List<List<Path>> seenInTemp = new ArrayList<>();
  TempFiles temp;

  /** Counts lines, and notes what the temp folder held while it read. */
  final TextReader lines =
      (file, in, sink) -> {
        seenInTemp.add(list(temp.folder()));
        long n = in.lines().count();
        return new TextSummary(n, n, 0, List.of());
      };

  List<FileReport> ingest(IngestLimits limits, Path file) {
    temp = TempFiles.under(tmpParent);
    return new IngestService(new CaptureReader(), Map.of(InputKind.SYSLOG, lines), limits, temp)
        .ingest(List.of(InputFile.of(file)), facts);
  }

  @Test
  void aGzipBombOfTextIsStoppedAtItsRatioWhileItExpands() throws Exception {
    Path gz = gzip("bomb.log.gz", 64L << 20, (out, n) -> repeat(out, SYSLOG_LINE, n));
    assertThat(Files.size(gz)).isLessThan(1L << 20);
    List<FileReport> r = ingest(LIMITS, gz);
    assertThat(r)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.read()).isFalse();
              assertThat(f.problems())
                  .singleElement()
                  .asString()
                  .startsWith("bomb.log.gz expands more than 100 times its compressed size")
                  .contains("not unpacked further");
            });
    assertThat(seenInTemp).isEmpty();
    assertThat(temp.largestDeleted()).isLessThan(SMALL);
    assertThat(list(temp.folder())).isEmpty();
  }

  @Test
  void aGzipBombOfZerosIsRefusedByItsHeadWithNothingWritten() throws Exception {
    Path gz = gzip("zeros.gz", 64L << 20, (out, n) -> out.write(new byte[(int) n]));
    List<FileReport> r = ingest(LIMITS, gz);
    assertThat(r)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.read()).isFalse();
              assertThat(f.problems())
                  .singleElement()
                  .asString()
                  .startsWith(
                      "zeros.gz: is not something regdoc reads: it looks like binary data of an"
                          + " unknown kind (first bytes 0000000000000000)");
            });
    assertThat(temp.largestDeleted()).isZero();
    assertThat(list(temp.folder())).isEmpty();
  }

  @Test
  void aGzipOfRandomBinaryIsRefusedAfterItsHeadWithNothingWritten() throws Exception {
    Random random = new Random(7);
    Path gz =
        gzip(
            "blob.gz",
            8L << 20,
            (out, n) -> {
              byte[] b = new byte[(int) n];
              random.nextBytes(b);
              b[0] = 0x01; // not a magic number of any kind
              out.write(b);
            });
    List<FileReport> r = ingest(LIMITS, gz);
    assertThat(r)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.read()).isFalse();
              assertThat(f.problems())
                  .singleElement()
                  .asString()
                  .startsWith("blob.gz: is not something regdoc reads: it looks like binary data");
            });
    assertThat(temp.largestDeleted()).isZero();
  }

  @Test
  void aZipEntryOverTheRatioIsRefusedBeforeItIsWrittenAndTheNextIsRead() throws Exception {
    Path zip = dir.resolve("bundle.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("big.log"));
      repeat(z, SYSLOG_LINE, 64L << 20);
      z.putNextEntry(new ZipEntry("phone.pcapng"));
      z.write(Files.readAllBytes(RealData.pcap(BadInputTest.SCCP_REGISTER)));
    }
    List<FileReport> r = ingest(LIMITS, zip);
    assertThat(r)
        .extracting(FileReport::file, FileReport::read)
        .containsExactly(tuple("bundle.zip!/phone.pcapng", true), tuple("bundle.zip", true));
    assertThat(r.get(1).problems())
        .singleElement()
        .asString()
        .startsWith("bundle.zip!/big.log expands more than 100 times its compressed size");
    assertThat(temp.largestDeleted()).isLessThan(SMALL);
    assertThat(facts.of(SccpMessage.class)).isNotEmpty();
  }

  @Test
  void aSmallFileThatCompressesWellIsRead() throws Exception {
    Path gz = gzip("syslog.gz", 512L << 10, (out, n) -> repeat(out, SYSLOG_LINE, n));
    List<FileReport> r = ingest(LIMITS, gz);
    assertThat(r)
        .extracting(FileReport::file, FileReport::kind, FileReport::read)
        .containsExactly(tuple("syslog.gz", InputKind.SYSLOG, true));
    assertThat(r.get(0).counts())
        .containsEntry("lines", ((512L << 10) + SYSLOG_LINE.length - 1) / SYSLOG_LINE.length);
  }

  @Test
  void anUnpackedEntryIsWrittenInThisProcessFolderAndDeletedAfterItsReading() throws Exception {
    Path gz = gzip("syslog.gz", 10_000, (out, n) -> repeat(out, SYSLOG_LINE, n));
    List<FileReport> r = ingest(LIMITS, gz);
    assertThat(r.get(0).read()).isTrue();
    assertThat(temp.folder().getFileName().toString())
        .startsWith("regdoc-" + ProcessHandle.current().pid() + "-");
    assertThat(seenInTemp).singleElement().asList().hasSize(1);
    assertThat(list(temp.folder())).isEmpty();
  }

  interface Content {
    void write(OutputStream out, long bytes) throws IOException;
  }

  Path gzip(String name, long bytes, Content content) throws IOException {
    Path gz = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
      content.write(out, bytes);
    }
    return gz;
  }

  /** Writes {@code line} over and over until {@code bytes} are written (the last one cut). */
  static void repeat(OutputStream out, byte[] line, long bytes) throws IOException {
    byte[] block = new byte[line.length * 1000];
    for (int i = 0; i < 1000; i++) {
      System.arraycopy(line, 0, block, i * line.length, line.length);
    }
    long left = bytes;
    while (left > 0) {
      int n = (int) Math.min(left, block.length);
      out.write(block, 0, n);
      left -= n;
    }
  }

  static List<Path> list(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
