package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis that runs into its time limit stops reading, names the file that was too costly and
 * the files not read, and still diagnoses what it read. The clock is the test's: the syslog reader
 * moves it one second per line.
 */
class AnalysisTimeLimitTest {
  static final Path CASE2 = Path.of("src/test/resources/fixtures/case-study-2");
  static final long SECOND = 1_000_000_000L;
  static RuleBase rules;

  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong();
  final AtomicLong linesRead = new AtomicLong();

  /**
   * Reads syslog like a costly file: every line takes a second of the test's clock and checks the
   * limit.
   */
  final TextReader costly =
      (file, in, sink) -> {
        while (in.readLine() != null) {
          linesRead.incrementAndGet();
          clock.addAndGet(SECOND);
          WorkLimit.checkpoint();
        }
        return new TextSummary(linesRead.get(), linesRead.get(), 0, List.of());
      };

  @BeforeAll
  static void load() {
    rules = RuleBase.load(Path.of("rules"));
  }

  Analyzer analyzer(Duration limit) {
    Map<InputKind, TextReader> readers = new HashMap<>(TextReaders.defaults());
    readers.put(InputKind.SYSLOG, costly);
    return new Analyzer(rules, readers, IngestLimits.defaults(), SignalingPorts.defaults())
        .withTimeLimit(limit, clock::get);
  }

  @Test
  void readingPastTheLimitNamesTheFileAndTheFilesNotReadAndDiagnosesWhatWasRead() throws Exception {
    Path log = dir.resolve("big.log");
    Files.write(
        log,
        ("Jan 10 10:00:00 sw1 %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down\n")
            .repeat(10_000)
            .getBytes(StandardCharsets.US_ASCII));
    Analysis a =
        analyzer(Duration.ofSeconds(300))
            .analyze(
                List.of(
                    new InputFile(CASE2.resolve("phone.pcap"), "phone.pcap"),
                    new InputFile(log, "big.log"),
                    new InputFile(CASE2.resolve("switch-config.txt"), "switch-config.txt")));

    assertThat(a.partial()).isTrue();
    assertThat(a.stopped()).isEqualTo(new Analysis.Stop(Duration.ofSeconds(300), "big.log"));
    assertThat(a.files())
        .extracting(FileReport::file, FileReport::read)
        .containsExactly(
            tuple("phone.pcap", true), tuple("big.log", false), tuple("switch-config.txt", false));
    assertThat(a.files().get(1).problems())
        .singleElement()
        .asString()
        .startsWith(
            "big.log: reading was stopped after 300 s, the time limit of an analysis: the file is"
                + " too costly to read in full")
        .contains("Cut it down")
        .contains("analyses.time-limit-seconds");
    assertThat(a.files().get(2).problems())
        .containsExactly(
            "switch-config.txt: not read: the analysis reached its time limit of 300 s before this"
                + " file");
    assertThat(linesRead.get()).isBetween(300L, 400L);
    // the rules still judged the capture that was read
    assertThat(a.findings()).isNotEmpty();
    assertThat(a.timeline().events()).isNotEmpty();
  }

  @Test
  void anAnalysisWithinItsLimitIsComplete() throws Exception {
    Path log = dir.resolve("small.log");
    Files.write(
        log,
        ("Jan 10 10:00:00 sw1 %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to down\n")
            .repeat(100)
            .getBytes(StandardCharsets.US_ASCII));
    Analysis a = analyzer(Duration.ofSeconds(300)).analyze(List.of(InputFile.of(log)));
    assertThat(a.partial()).isFalse();
    assertThat(a.files()).singleElement().satisfies(f -> assertThat(f.problems()).isEmpty());
    assertThat(linesRead.get()).isEqualTo(100);
  }
}
