package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.facts.ReportedPeriod;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache answers only for the exact files an analysis was made from, and keeps only the most
 * recent cases.
 */
class AnalysisCacheTest {
  private static final StoredFile PCAP = file("phone.pcap", "aa");
  private static final StoredFile CONFIG = file("switch-config.txt", "bb");

  @Test
  void aFileMoreOrLessOrChangedMisses() {
    AnalysisCache cache = new AnalysisCache(4);
    Analysis a = analysis();
    cache.put(1, List.of(PCAP, CONFIG), List.of(), a);

    assertThat(cache.find(1, List.of(CONFIG, PCAP), List.of())).containsSame(a);
    assertThat(cache.find(1, List.of(PCAP), List.of())).isEmpty();
    assertThat(cache.find(1, List.of(PCAP, CONFIG, file("syslog.txt", "cc")), List.of())).isEmpty();
    assertThat(cache.find(1, List.of(PCAP, file("switch-config.txt", "dd")), List.of())).isEmpty();
    assertThat(cache.find(2, List.of(PCAP, CONFIG), List.of())).isEmpty();
  }

  @Test
  void aPeriodTheUserStatesAfterTheAnalysisMisses() {
    AnalysisCache cache = new AnalysisCache(4);
    Analysis a = analysis();
    cache.put(1, List.of(PCAP), List.of(), a);

    assertThat(cache.find(1, List.of(PCAP), List.of(new ReportedPeriod(960)))).isEmpty();
    cache.put(1, List.of(PCAP), List.of(new ReportedPeriod(960)), a);
    assertThat(cache.find(1, List.of(PCAP), List.of(new ReportedPeriod(960)))).containsSame(a);
    assertThat(cache.find(1, List.of(PCAP), List.of(new ReportedPeriod(1440)))).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedCaseIsDroppedFirst() {
    AnalysisCache cache = new AnalysisCache(2);
    cache.put(1, List.of(PCAP), List.of(), analysis());
    cache.put(2, List.of(PCAP), List.of(), analysis());
    cache.find(1, List.of(PCAP), List.of());
    cache.put(3, List.of(PCAP), List.of(), analysis());

    assertThat(cache.find(1, List.of(PCAP), List.of())).isPresent();
    assertThat(cache.find(2, List.of(PCAP), List.of())).isEmpty();
    assertThat(cache.find(3, List.of(PCAP), List.of())).isPresent();
  }

  private static Analysis analysis() {
    return new Analysis(List.of(), null, List.of(), 0, 0);
  }

  private static StoredFile file(String name, String sha) {
    Instant at = Instant.parse("2026-12-03T09:00:00Z");
    return new StoredFile(1, name, sha, 10, "web:alice", at, at.plusSeconds(3600), false);
  }
}
