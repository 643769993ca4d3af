package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's SCCP phone (keepalive every 60 s) behind a firewall that forgets a connection after 45
 * s idle: one keepalive is lost on each of two TCP connections, the phone reconnecting in between.
 * The interval and the count "in a row" are measured on one connection, never across the reconnect
 * (which read as 2 in a row at a 120 s interval).
 */
class SccpKeepaliveAcrossReconnectTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab/sccp-firewall-idle");
  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  private static Finding keepaliveTimeout(String... files) {
    List<InputFile> in = Arrays.stream(files).map(f -> InputFile.of(LAB.resolve(f))).toList();
    List<Finding> found =
        analyzer.analyze(in).findings().stream()
            .filter(f -> f.code().equals("sccp-keepalive-timeout"))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void thePhoneCaptureMeasuresTheIntervalAndTheRunOnOneConnection() {
    Finding f = keepaliveTimeout("phone.pcap");
    assertThat(f.values())
        .containsEntry("interval", 60L)
        .containsEntry("missed", 1)
        .containsEntry("connections", 2);
  }
}
