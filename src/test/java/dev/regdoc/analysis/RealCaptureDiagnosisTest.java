package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Public captures nobody here wrote (../shared/data/README.md): faults are found, healthy ones are
 * not accused.
 */
class RealCaptureDiagnosisTest {
  private static final Path DATA = Path.of("../shared/data/pcap");
  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  private static List<Finding> analyze(String file) {
    assumeTrue(Files.isDirectory(DATA), "shared test data folder ../shared/data is absent");
    return analyzer.analyze(List.of(InputFile.of(DATA.resolve(file)))).findings();
  }

  @Test
  void unansweredRegisterRetransmissions() {
    Finding f = analyze("russo-collab/rtp_sip_isac.pcapng").get(0);
    assertThat(f.code()).isEqualTo("registration-unanswered");
    assertThat(f.values()).containsEntry("attempts", 5).containsEntry("server", "10.180.110.1");
    assertThat(f.evidence().get(0).frames()).containsExactly(7L, 217L, 484L, 752L, 1020L);
  }

  @Test
  void theSccpPhonesOwnOutOfServiceReportIsExplained() {
    List<Finding> f = analyze("russo-collab/sccp_phone_register.pcapng");
    assertThat(f).extracting(Finding::code).containsExactly("phone-reported-reason");
    assertThat(f.get(0).values())
        .containsEntry("reason", 25)
        .containsEntry("last", "sent 1:Register, received 129:RegisterAck");
    assertThat(f.get(0).evidence().get(0).frames()).containsExactly(3L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "russo-collab/sip_register.pcapng",
        "pyskinny/cm_cap.pcapng",
        "ndpi/sip_hello.pcapng",
        "suricata-verify/sip-tcp.pcap",
        "suricata-verify/public-cloudshark-sip-s0.pcap"
      })
  void healthyCapturesGiveNoFault(String file) {
    List<Finding> f = analyze(file);
    assertThat(f).noneMatch(Finding::isFault);
    assertThat(f).extracting(Finding::code).contains("no-fault-found");
  }

  @Test
  void aCaptureWithoutPhonesIsNotCalledHealthy() {
    List<Finding> f = analyze("tcpdump/arp-oobr.pcap");
    assertThat(f).noneMatch(Finding::isFault);
    assertThat(f).extracting(Finding::code).containsExactly("no-registration-evidence");
  }
}
