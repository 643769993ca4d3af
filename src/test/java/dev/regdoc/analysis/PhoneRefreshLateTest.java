package dev.regdoc.analysis;

import static dev.regdoc.analysis.FaultCodes.FW;
import static dev.regdoc.analysis.FaultCodes.HUNG;
import static dev.regdoc.analysis.FaultCodes.LATE;
import static dev.regdoc.analysis.FaultCodes.LOST;
import static dev.regdoc.analysis.FaultCodes.PSA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A phone whose own refresh timer runs late (the lab's phone-late-refresh: Timer Register Delta
 * -20, each refresh leaving the phone 140 s after the 200 OK that granted 120 s). Its own capture
 * holds each refresh once, sent after the registration had lapsed, with no REGISTER before it lost
 * and an answer at once: nothing on the path or at the CUCM made it late, so the phone is named.
 * The CUCM's capture cannot tell a refresh sent late from one whose first copies were lost before
 * it, so there the phone is one candidate among the losses, and the phone's capture decides.
 */
class PhoneRefreshLateTest {
  private static final Path LAB = Path.of("src/test/resources/fixtures/lab");

  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  static Stream<List<String>> phoneSideSubsets() {
    return Stream.of(
        List.of("phone.pcap"),
        List.of("phone.pcap", "cucm-syslog.log"),
        List.of("phone.pcap", "switch-config.txt", "asa-config.txt"),
        List.of("phone.pcap", "cucm.pcap"),
        List.of(
            "phone.pcap", "cucm.pcap", "cucm-syslog.log", "switch-config.txt", "asa-config.txt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phoneSideSubsets")
  void thePhonesOwnCaptureNamesThePhone(List<String> files) throws IOException {
    List<Finding> findings = analyze("phone-late-refresh", files);

    Finding top = findings.get(0);
    assertThat(top.code()).isEqualTo(LATE);
    assertThat(top.tier()).isEqualTo(Tier.ROOT_CAUSE);
    // every late refresh the lab measured, cited where it left the phone
    assertThat(top.evidence())
        .filteredOn(e -> e.file().equals("phone.pcap"))
        .flatExtracting(e -> e.frames())
        .containsAll(lateRefreshFrames());
    assertThat(top.values()).containsEntry("granted", 120).containsEntry("late", 2);
    assertThat(((Number) top.values().get("sinceLastOk")).doubleValue()).isBetween(139.0, 141.0);
    // the network and the CUCM are ruled out, each with its evidence
    assertThat(top.ruledOut().stream().map(RuledOut::code).collect(Collectors.toSet()))
        .containsAll(Set.of(LOST, PSA, FW, HUNG));
    assertThat(top.ruledOut()).allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
    // the phone's configuration confirms it, and decides between its SIP profile and its firmware
    assertThat(steps(findings)).containsExactly("sip-timers");
    assertThat(findings)
        .extracting(Finding::code)
        .doesNotContain(
            "no-fault-found",
            "sip-refresh-late",
            PSA,
            "duplex-mismatch",
            LOST,
            HUNG,
            Finding.UNDETERMINED);
  }

  /**
   * The CUCM's capture holds the refresh arriving after the lapse and answered at once, nothing
   * numbered before it missing: lost first copies (port security, loss on the path) and a phone
   * that sent it late all fit, and the phone's own capture decides.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cucmSideSubsets")
  void theCucmsCaptureKeepsThePhoneAmongTheCandidates(List<String> files) {
    List<Finding> findings = analyze("phone-late-refresh", files);

    Finding top = findings.get(0);
    assertThat(top.code()).isEqualTo(Finding.UNDETERMINED);
    assertThat(top.candidates().keySet()).isEqualTo(Set.of(PSA, LOST, LATE));
    assertThat(top.ruledOut()).extracting(RuledOut::code).containsExactly(HUNG);
    assertThat(steps(findings)).containsExactly("phone-capture");
  }

  static Stream<List<String>> cucmSideSubsets() {
    return Stream.of(List.of("cucm.pcap"), List.of("cucm.pcap", "cucm-syslog.log"));
  }

  /**
   * The look-alikes: a refresh lost and retransmitted (port security, a duplex mismatch, random
   * loss), a refresh that was never answered and a new connection's REGISTER sent late (the
   * firewall, the slow CUCM), a late 200 OK (the late CUCM), a restarted service. None names the
   * phone, with any of their files.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lookAlikes")
  void noLookAlikeNamesThePhone(String scenario) throws IOException {
    for (List<String> files : subsets(scenario)) {
      List<Finding> findings = analyze(scenario, files);
      assertThat(findings)
          .as("%s %s", scenario, files)
          .extracting(Finding::code)
          .doesNotContain(LATE);
      if (files.contains("phone.pcap")) {
        assertThat(findings)
            .as("%s %s: candidates", scenario, files)
            .allSatisfy(f -> assertThat(f.candidates()).doesNotContainKey(LATE));
      }
    }
  }

  static Stream<String> lookAlikes() {
    return Stream.of(
        "port-security-aging",
        "duplex-mismatch",
        "random-loss",
        "cucm-late-answer",
        "cucm-slow-answer",
        "firewall-idle-timeout",
        "cucm-service-restart",
        "capture-starts-late");
  }

  /** Every file of the scenario alone, all of them, and the phone's capture with each other one. */
  private static List<List<String>> subsets(String scenario) throws IOException {
    List<String> all;
    try (Stream<Path> s = Files.list(LAB.resolve(scenario))) {
      all = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<List<String>> out = new ArrayList<>();
    out.add(all);
    for (String f : all) {
      out.add(List.of(f));
      if (!f.equals("phone.pcap") && all.contains("phone.pcap")) {
        out.add(List.of("phone.pcap", f));
      }
    }
    return out;
  }

  /** The lab's own measurement: "refresh phone#N" in the manifest's key timings. */
  private static List<Long> lateRefreshFrames() throws IOException {
    String row =
        Files.readAllLines(LAB.resolve("manifest.tsv")).stream()
            .filter(l -> l.startsWith("phone-late-refresh\t"))
            .findFirst()
            .orElseThrow();
    List<Long> frames = new ArrayList<>();
    Matcher m = Pattern.compile("refresh phone#(\\d+)").matcher(row);
    while (m.find()) {
      frames.add(Long.parseLong(m.group(1)));
    }
    assertThat(frames).hasSize(2);
    return frames;
  }

  private static List<Finding> analyze(String scenario, List<String> files) {
    return analyzer
        .analyze(files.stream().map(f -> InputFile.of(LAB.resolve(scenario).resolve(f))).toList())
        .findings();
  }

  private static List<Object> steps(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.code().equals("evidence-missing"))
        .map(f -> f.values().get("step"))
        .toList();
  }
}
