package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import dev.regdoc.testing.TestPcap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No fault found" is a statement about registration traffic that was read and looked healthy. When
 * nothing could be read, or what was read holds no registration at all, the answer must say that
 * instead, and never call the evidence healthy.
 */
class NoEvidenceDiagnosisTest {
  private static Analyzer analyzer;
  @TempDir Path dir;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  private List<Finding> analyze(Path... files) {
    return analyzer.analyze(Arrays.stream(files).map(InputFile::of).toList()).findings();
  }

  @Test
  void nothingReadableIsSaidAsSuchWithTheUnreadFilesNamed() throws Exception {
    Path notes = Files.writeString(dir.resolve("README.md"), "hello\nthis is not a log\n");
    Path xml = Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<project/>\n");
    List<Finding> f = analyze(dir.resolve("missing.pcap"), notes, xml);
    assertThat(f).extracting(Finding::code).containsExactly("nothing-read");
    assertThat(f.get(0).values()).containsEntry("unread", 3);
    assertThat(f.get(0).values().get("files"))
        .asString()
        .contains("missing.pcap", "README.md", "pom.xml");
  }

  @Test
  void aCaptureWithoutAnyRegistrationIsNotCalledHealthy() throws Exception {
    TestPcap p = new TestPcap();
    for (int i = 0; i < 5; i++) {
      p.at(i)
          .tcp(
              "198.51.100.10",
              40000,
              "203.0.113.5",
              80,
              1000 + i,
              1,
              TestPcap.ACK | TestPcap.PSH,
              "GET / HTTP/1.1\r\n\r\n");
      p.arp(false, "02:00:00:00:00:01", "198.51.100.1", "02:00:00:00:00:02", "198.51.100.10");
    }
    Path capture = p.write(dir.resolve("office.pcap"));
    List<Finding> f = analyze(capture);
    assertThat(f)
        .extracting(Finding::code)
        .contains("no-registration-evidence")
        .doesNotContain("no-fault-found");
    assertThat(f).noneMatch(Finding::isFault);
  }

  @Test
  void aConfigurationAloneIsNoRegistrationEvidence() {
    List<Finding> f = analyze(Path.of("src/test/resources/fixtures/healthy-sip/switch-config.txt"));
    assertThat(f).extracting(Finding::code).containsExactly("no-registration-evidence");
  }

  @Test
  void encryptedSignalingCannotBeJudgedHealthy() {
    List<Finding> f =
        analyze(Path.of("src/test/resources/fixtures/encrypted-signaling/phone.pcap"));
    assertThat(f)
        .extracting(Finding::code)
        .contains("encrypted-signaling", "no-registration-evidence")
        .doesNotContain("no-fault-found");
  }

  @Test
  void readHealthyRegistrationTrafficIsStillNoFault() {
    List<Finding> f = analyze(Path.of("src/test/resources/fixtures/healthy-sip/phone.pcap"));
    assertThat(f)
        .extracting(Finding::code)
        .contains("no-fault-found")
        .doesNotContain("no-registration-evidence");
  }
}
