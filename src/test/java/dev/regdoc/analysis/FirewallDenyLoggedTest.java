package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.FileReport;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lab's firewall idle timeout with the firewall's own log beside the phone-side capture (lab.py
 * LOGGED_VARIANTS: an ASA 106015 "Deny TCP (no connection)" for each of the phone's segments it
 * dropped): without the CUCM-side capture or the firewall's configuration, which alone leave the
 * answer undetermined, the firewall's log decides, and rules out port security and the CUCM.
 */
class FirewallDenyLoggedTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab/firewall-deny-logged");

  @Test
  void theFirewallsDenialsDecideFromThePhoneSide() {
    Analysis a =
        TestAnalyzers.repositoryRules()
            .analyze(
                List.of(
                    InputFile.of(LAB.resolve("phone.pcap")),
                    InputFile.of(LAB.resolve("asa-syslog.log"))));
    assertThat(a.files()).allMatch(FileReport::read);
    Finding top = a.findings().get(0);
    assertThat(top.code()).isEqualTo("idle-connection-teardown");
    assertThat(top.device()).isEqualTo("SEP0A1AB0000045");
    assertThat(top.evidence())
        .filteredOn(e -> e.note().equals("asa-deny-no-connection"))
        .hasSize(9)
        .allSatisfy(e -> assertThat(e.file()).endsWith("asa-syslog.log"));
    assertThat(top.ruledOut())
        .extracting(r -> r.code())
        .contains("port-security-aging", "cucm-not-responding");
    assertThat(a.findings()).extracting(Finding::code).doesNotContain(Finding.UNDETERMINED);
  }
}
