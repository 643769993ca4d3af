package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bench.BenchCaptureWriter;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of phones share CSeq numbers: one phone's retransmission must never be pinned on
 * another phone's refresh with the same CSeq (a mix-up that once made healthy phones look flushed).
 */
class ManyPhonesTest {

  @Test
  void occasionalRetransmissionsAcrossManyPhonesAccuseNobody(@TempDir Path dir) throws Exception {
    Path capture = dir.resolve("many.pcap");
    BenchCaptureWriter.Counts counts =
        new BenchCaptureWriter().write(capture, BenchCaptureWriter.Profile.SIP_DENSE, 12L << 20);
    assertThat(counts.registerRetransmissions).isPositive();
    Analyzer analyzer = TestAnalyzers.repositoryRules();
    List<Finding> findings = analyzer.analyze(List.of(InputFile.of(capture))).findings();
    assertThat(findings)
        .extracting(Finding::code)
        .doesNotContain(
            "port-security-aging",
            "sip-refresh-late",
            "keepalive-lost-in-network",
            "registration-unanswered");
  }
}
