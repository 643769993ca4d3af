package dev.regdoc.analysis;

import static dev.regdoc.analysis.FaultCodes.FW;
import static dev.regdoc.analysis.FaultCodes.HUNG;
import static dev.regdoc.analysis.FaultCodes.LATE;
import static dev.regdoc.analysis.FaultCodes.LOST;
import static dev.regdoc.analysis.FaultCodes.PSA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a capture beyond the phone's router (the CUCM's side) can and cannot decide: each answer
 * names the causes that still fit, rules out the ones the capture itself excludes, each with the
 * frame that shows it, and asks for the one item that decides.
 */
class CucmSideRivalsTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static Stream<Arguments> answers() {
    return Stream.of(
        // CSeq 102 never arrived, CSeq 103 came after the deadline and was answered at once
        Arguments.of(
            "lab/firewall-idle-timeout", Set.of(FW, LOST), Set.of(HUNG, PSA), "asa-config"),
        // no keepalive for two intervals, then a new registration answered at once
        Arguments.of("lab/sccp-firewall-idle", Set.of(FW, LOST), Set.of(HUNG, PSA), "asa-config"),
        // the refresh itself arrived after the deadline, answered at once: its first copies lost
        // before the CUCM or the phone sending it late; the phone-side capture tells which
        Arguments.of(
            "case-study-2-cucm-only", Set.of(PSA, LOST, LATE), Set.of(HUNG), "phone-capture"),
        Arguments.of(
            "lab/phone-late-refresh", Set.of(PSA, LOST, LATE), Set.of(HUNG), "phone-capture"),
        // the CUCM's answer sent again and again, never acknowledged, while the phone resent
        Arguments.of(
            "lab/asymmetric-return", Set.of(LOST, "arp-conflict"), Set.of(HUNG), "phone-capture"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void theCucmSideNamesWhatStillFitsAndWhatItRulesOut(
      String fixture, Set<String> candidates, Set<String> ruledOut, String decides) {
    List<Finding> findings =
        TestAnalyzers.repositoryRules()
            .analyze(List.of(InputFile.of(FIXTURES.resolve(fixture).resolve("cucm.pcap"))))
            .findings();

    Finding top = findings.get(0);
    assertThat(top.code()).isEqualTo(Finding.UNDETERMINED);
    assertThat(top.candidates().keySet()).isEqualTo(candidates);
    assertThat(top.ruledOut().stream().map(RuledOut::code).collect(Collectors.toSet()))
        .isEqualTo(ruledOut);
    assertThat(top.ruledOut()).allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
    assertThat(findings)
        .filteredOn(f -> f.code().equals("evidence-missing"))
        .extracting(f -> f.values().get("step"))
        .containsExactly(decides);
  }

  /**
   * Where the CUCM's side shows nothing wrong, "no fault" holds for what reached it: what the phone
   * lost before it is not there, so the phone-side capture is asked for. The phone's own capture
   * needs no such ask.
   */
  @Test
  void noFaultSeenFromTheCucmSideAsksForThePhoneSide() {
    Path lab = FIXTURES.resolve("lab/random-loss");
    assertThat(steps(lab.resolve("cucm.pcap"))).containsExactly("no-fault-found", "phone-capture");
    assertThat(steps(lab.resolve("phone.pcap"))).containsExactly("no-fault-found");
  }

  /** The top finding's code, then each evidence-missing step. */
  private static List<Object> steps(Path capture) {
    List<Finding> findings =
        TestAnalyzers.repositoryRules().analyze(List.of(InputFile.of(capture))).findings();
    return Stream.concat(
            Stream.of((Object) findings.get(0).code()),
            findings.stream()
                .filter(f -> f.code().equals("evidence-missing"))
                .map(f -> f.values().get("step")))
        .toList();
  }
}
