package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CallManager traces are CUCM-side evidence: the phone-side capture with RTMT's download of the
 * traces (no CUCM-side capture, no syslog) gives the same diagnosis as the phone-side capture with
 * the CUCM-side capture and CUCM's syslog, its CUCM-side evidence cited by trace file and line.
 */
class TracesAsCucmSideTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    analyzer =
        new Analyzer(
            RuleBase.load(Path.of("rules")),
            TextReaders.defaults(fixed),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
  }

  static List<Finding> findings(String folder, String... names) {
    return analyzer
        .analyze(
            Arrays.stream(names)
                .map(n -> InputFile.of(FIXTURES.resolve(folder).resolve(n)))
                .toList())
        .findings();
  }

  static String rootCause(List<Finding> fs) {
    return fs.stream()
        .filter(f -> f.tier() == Tier.ROOT_CAUSE)
        .map(Finding::code)
        .findFirst()
        .orElse("none");
  }

  static TreeSet<String> codes(List<Finding> fs) {
    return fs.stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void caseStudy2FromTracesNamesWhatTheCucmCaptureAndSyslogName() {
    List<Finding> capture =
        findings("case-study-2", "phone.pcap", "cucm.pcap", "cucm-syslog.log", "switch-config.txt");
    List<Finding> traces =
        findings("case-study-2-traces", "phone.pcap", "rtmt-traces.zip", "switch-config.txt");

    assertThat(rootCause(traces)).isEqualTo(rootCause(capture)).isEqualTo("port-security-aging");
    assertThat(codes(traces)).isEqualTo(codes(capture));
    // the first copies missing at the CUCM are shown from the trace (its lines), not assumed
    assertThat(traces)
        .filteredOn(f -> f.code().equals("keepalive-lost-in-network"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).isNotEmpty());
    assertThat(traces)
        .filteredOn(f -> f.code().equals("unregistered-reason"))
        .allSatisfy(
            f ->
                assertThat(f.evidence())
                    .allSatisfy(e -> assertThat(e.file()).contains("SDL00").endsWith(".txt.gz")));
  }

  @Test
  void caseStudy12FromTracesNamesWhatTheCucmCaptureAndSyslogName() {
    List<Finding> capture =
        findings("case-study-1-2", "phone.pcap", "cucm.pcap", "cucm-syslog.log", "asa-config.txt");
    List<Finding> traces =
        findings("case-study-1-2-traces", "phone.pcap", "rtmt-traces.zip", "asa-config.txt");

    assertThat(rootCause(traces)).isEqualTo(rootCause(capture)).isEqualTo("proxy-arp");
    assertThat(codes(traces)).isEqualTo(codes(capture));
  }
}
