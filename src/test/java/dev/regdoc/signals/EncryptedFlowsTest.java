package dev.regdoc.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.Origin;
import dev.regdoc.facts.TlsSegment;
import dev.regdoc.timeline.TimelineBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which TLS port a phone's encrypted signaling used, as the encrypted-signaling rule reports it.
 */
class EncryptedFlowsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static EncryptedFlows flows(Endpoints... segments) {
    FactCollector facts = new FactCollector();
    for (int i = 0; i < segments.length; i++) {
      facts.accept(
          new TlsSegment(
              Origin.frame("tls.pcap", i + 1, T0.plusSeconds(i)), segments[i], 1000L * i, 120));
    }
    List<FileReport> files =
        List.of(
            new FileReport(
                "tls.pcap", InputKind.PCAP, "pcap", true, Map.of("frames", 2L), List.of()));
    return new SignalBuilder()
        .build(new TimelineBuilder().build(facts, files)).stream()
            .filter(EncryptedFlows.class::isInstance)
            .map(EncryptedFlows.class::cast)
            .findFirst()
            .orElseThrow();
  }

  @Test
  void theServersTlsPortCountsNotDigitsThatLookLikeItInTheOtherPort() {
    // the phone's own port 50612 starts with 5061, SIP over TLS's port; the CUCM's is SCCP's 2443
    EncryptedFlows f =
        flows(
            new Endpoints("192.0.2.45", 50612, "198.51.100.10", 2443),
            new Endpoints("198.51.100.10", 2443, "192.0.2.45", 50612));
    assertThat(f.port()).isEqualTo(2443);
    assertThat(f.segments()).isEqualTo(2);
  }

  @Test
  void aFirstSegmentFromTheCucmStillNamesItsPort() {
    assertThat(flows(new Endpoints("198.51.100.10", 5061, "192.0.2.45", 49152)).port())
        .isEqualTo(5061);
  }
}
