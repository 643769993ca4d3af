package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The source document's case studies come out with the document's diagnosis; their twins do not.
 */
class CaseStudyDiagnosisTest {
  private static final KnowledgeTexts TEXTS = KnowledgeTexts.load(Path.of("knowledge-base"));
  private static Analyzer analyzer;

  @BeforeAll
  static void compileRules() {
    analyzer = TestAnalyzers.repositoryRules();
  }

  static List<Finding> analyze(String fixture) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures", fixture))) {
      return analyzer
          .analyze(
              s.filter(p -> !p.toString().endsWith("README.md"))
                  .sorted()
                  .map(InputFile::of)
                  .toList())
          .findings();
    }
  }

  /** Only the named files of a fixture. */
  static List<Finding> analyze(String fixture, String... files) {
    return analyzer
        .analyze(
            Stream.of(files)
                .map(f -> Path.of("src/test/resources/fixtures", fixture, f))
                .map(InputFile::of)
                .toList())
        .findings();
  }

  @Test
  void caseStudy2IsPortSecurityAgingWithTheConfigLineAndTheLostRefreshes() throws IOException {
    List<Finding> f = analyze("case-study-2");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("port-security-aging");
    assertThat(top.device()).isEqualTo("SEP0024142DDF24");
    assertThat(top.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(top.values()).containsEntry("agingMinutes", 1).containsEntry("interval", 115L);
    assertThat(top.evidence()).anyMatch(e -> e.file().equals("switch-config.txt") && e.line() == 5);
    assertThat(
            top.evidence().stream()
                .filter(e -> e.file().equals("phone.pcap"))
                .flatMap(e -> e.frames().stream()))
        .contains(8L, 13L, 18L, 23L, 28L, 33L, 38L, 43L, 48L);
    assertThat((List<Object>) top.values().get("rtoSeries"))
        .startsWith((Object) 0.10, 0.20, 0.33, 0.85, 1.68, 3.36, 6.72, 13.43, 26.86);
    assertThat(f)
        .extracting(Finding::code)
        .contains(
            "keepalive-lost-in-network",
            "sip-refresh-late",
            "failover-cycle",
            "unregistered-reason");
    assertThat(f)
        .filteredOn(
            x -> x.code().equals("unregistered-reason") || x.code().equals("failover-cycle"))
        .allMatch(x -> "port-security-aging".equals(x.causedBy()));
    Finding late =
        f.stream().filter(x -> x.code().equals("sip-refresh-late")).findFirst().orElseThrow();
    assertThat(late.evidence()).extracting(Evidence::frames).contains(List.of(48L));
  }

  @Test
  void caseStudy12IsProxyArpOnTheAsa() throws IOException {
    List<Finding> f = analyze("case-study-1-2");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("proxy-arp");
    assertThat(top.values())
        .containsEntry("ip", "192.0.2.202")
        .containsEntry("mac", "58:0a:20:fb:07:1f")
        .containsEntry("nameif", "inside");
    assertThat(top.evidence())
        .anyMatch(e -> e.file().equals("phone.pcap") && e.frames().contains(55L));
    assertThat(f)
        .extracting(Finding::code)
        .contains("keepalive-lost-in-network", "sccp-keepalive-timeout", "unregistered-reason")
        .doesNotContain("arp-conflict");
  }

  @ParameterizedTest
  @CsvSource({
    "healthy-sip",
    "healthy-sccp",
    "case-study-2-recovered",
    "proxy-arp-own-address",
    "registration-challenge-ok"
  })
  void healthyTwinsRaiseNoFault(String fixture) throws IOException {
    List<Finding> f = analyze(fixture);
    assertThat(f).noneMatch(Finding::isFault);
    assertThat(f).extracting(Finding::code).contains("no-fault-found");
  }

  @ParameterizedTest
  @CsvSource({
    "registration-rejected,registration-rejected",
    "registration-unanswered,registration-unanswered",
    "sccp-register-reject,registration-rejected",
    "idle-connection-teardown,idle-connection-teardown",
    "arp-conflict,arp-conflict",
    "encrypted-signaling,encrypted-signaling",
    "cucm-not-responding,cucm-not-responding",
    "register-fragments-dropped,fragmented-register-dropped"
  })
  void eachFaultFixtureRaisesItsFinding(String fixture, String code) throws IOException {
    assertThat(analyze(fixture)).extracting(Finding::code).startsWith(code);
  }

  @Test
  void aFragmentedRegisterRulesOutASilentCucmBecauseSmallRequestsWereAnswered() throws IOException {
    Finding top = analyze("register-fragments-dropped", "phone.pcap").get(0);
    assertThat(top.code()).isEqualTo("fragmented-register-dropped");
    assertThat(top.values()).containsEntry("bytes", 1903).containsEntry("attempts", 7);
    assertThat(top.ruledOut())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("cucm-not-responding");
              assertThat(r.why()).isEqualTo("rival-small-requests-answered");
              assertThat(r.args()).containsExactly("2");
              assertThat(r.evidence()).flatExtracting(Evidence::frames).containsExactly(1L, 17L);
            });
  }

  /**
   * The CUCM-side capture has the phone's OPTIONS before and after the REGISTER and no fragment of
   * the REGISTER: it never reached the CUCM, so the CUCM cannot have ignored it.
   */
  @Test
  void theCucmSideCaptureWithoutTheRegisterShowsItWasDroppedOnThePath() throws IOException {
    Finding top = analyze("register-fragments-dropped").get(0);
    assertThat(top.code()).isEqualTo("fragmented-register-dropped");
    assertThat(top.ruledOut())
        .filteredOn(r -> r.why().equals("rival-register-never-reached-cucm-side"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("cucm-not-responding");
              assertThat(r.args()).containsExactly("1", "cucm.pcap");
              assertThat(r.evidence())
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.file()).isEqualTo("cucm.pcap");
                        assertThat(e.frames()).containsExactly(1L, 3L);
                      });
            });
  }

  /** Everything the answer says about a finding, in one language. */
  private static String said(Finding f, String lang) {
    FindingText t = TEXTS.textOf(f, lang);
    return String.join("\n", t.title(), t.explanation(), String.join("\n", t.fix()));
  }

  /**
   * CUCM answering every REGISTER with 503 is its node refusing the work: no finding of the same
   * answer may blame the device's configuration, and the refusal is told once per phone, not once
   * per REGISTER.
   */
  @Test
  void serverErrorAnswersNameNoConfigurationCauseAndAreToldOncePerPhone() throws IOException {
    List<Finding> f = analyze("register-service-unavailable");
    assertThat(f.get(0).code()).isEqualTo("cucm-service-unavailable");
    assertThat(f).filteredOn(x -> x.code().equals("registration-rejected")).hasSizeLessThan(2);
    for (Finding x : f) {
      assertThat(said(x, "en")).as(x.code()).doesNotContain("configuration");
      assertThat(said(x, "ja")).as(x.code()).doesNotContain("設定側");
    }
  }

  /**
   * Every REGISTER was answered at once, with 503: the CUCM is not silent and nothing was lost on
   * the way back, so both rivals are ruled out by the same answer frames.
   */
  @Test
  void serverErrorAnswersRuleOutASilentCucmAndALossOnThePath() throws IOException {
    Finding top = analyze("register-service-unavailable").get(0);
    assertThat(top.code()).isEqualTo("cucm-service-unavailable");
    assertThat(top.ruledOut())
        .extracting(RuledOut::code)
        .containsExactlyInAnyOrder("cucm-not-responding", "keepalive-lost-in-network");
    assertThat(top.ruledOut())
        .allSatisfy(
            r ->
                assertThat(r.evidence())
                    .flatExtracting(Evidence::frames)
                    .containsExactly(3L, 6L, 9L));
  }

  /**
   * A CUCM restart: the phones' new connections are refused by a reset carrying the CUCM host's own
   * TTL, so no middle box dropped them (a firewall's idle teardown, a loss on the path, port
   * security): each phone's finding rules out those three by the refusing frames.
   */
  @Test
  void refusalsByTheCucmHostRuleOutTheBoxesOnThePath() throws IOException {
    List<Finding> restarted =
        analyze("cucm-restart-all-phones").stream()
            .filter(f -> f.code().equals("cucm-service-restarted"))
            .toList();
    assertThat(restarted).hasSize(3);
    assertThat(restarted)
        .allSatisfy(
            f -> {
              assertThat(f.ruledOut())
                  .extracting(RuledOut::code)
                  .containsExactlyInAnyOrder(
                      "idle-connection-teardown",
                      "keepalive-lost-in-network",
                      "port-security-aging");
              assertThat(f.ruledOut())
                  .allSatisfy(
                      r -> assertThat(r.evidence()).flatExtracting(Evidence::frames).isNotEmpty());
            });
  }

  /**
   * A refused connection is one connection however many captures hold it: the phone-side and the
   * CUCM-side capture of the lab's service restart both show each refused SYN, and the answer
   * counts it once, in the title and where the rivals are ruled out.
   */
  @Test
  void aRefusedConnectionSeenInBothCapturesIsCountedOnce() {
    Finding phoneSide =
        analyze("lab/cucm-service-restart", "phone.pcap").stream()
            .filter(f -> f.code().equals("cucm-service-restarted"))
            .findFirst()
            .orElseThrow();
    Finding bothSides =
        analyze("lab/cucm-service-restart", "phone.pcap", "cucm.pcap").stream()
            .filter(f -> f.code().equals("cucm-service-restarted"))
            .findFirst()
            .orElseThrow();
    assertThat(phoneSide.values().get("refused")).isEqualTo(25);
    assertThat(bothSides.values().get("refused")).isEqualTo(25);
    assertThat(said(bothSides, "en")).contains("(25 times)");
    assertThat(bothSides.ruledOut()).allSatisfy(r -> assertThat(r.args()).containsExactly("25"));
  }

  /**
   * A 200 OK the CUCM sent only after its own deadline (the lab's late answer: 100 Trying at once,
   * the 200 OK 25 s later, no retransmission) is the CUCM not answering in time, cited at the late
   * 200 OK, and never "no fault": the CUCM unregistered the phone meanwhile.
   */
  @Test
  void aTwoHundredOkSentAfterTheCucmsDeadlineIsTheCucmsFault() {
    List<Finding> f = analyze("lab/cucm-late-answer", "phone.pcap", "cucm.pcap");
    assertThat(f).extracting(Finding::code).doesNotContain("no-fault-found");
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("cucm-not-responding");
    assertThat(top.evidence())
        .anyMatch(e -> e.file().equals("phone.pcap") && e.frames().contains(21L));
    assertThat(said(top, "en")).contains("in time");
  }

  /** A refusal of the device itself (403 Forbidden) still names its configuration as the cause. */
  @Test
  void aForbiddenAnswerStillNamesTheDevicesConfiguration() throws IOException {
    List<Finding> f = analyze("registration-rejected");
    assertThat(f).filteredOn(x -> x.code().equals("registration-rejected")).hasSize(1);
    assertThat(said(f.get(0), "en")).contains("the cause is configuration");
  }

  /**
   * The look-alike: the same three REGISTERs refused with 403 are one refusal of the device, citing
   * every answer, and it names the device's configuration.
   */
  @Test
  void aRepeatedForbiddenIsOneRefusalCitingEveryAnswer() throws IOException {
    List<Finding> f = analyze("register-forbidden-repeated");
    assertThat(f).filteredOn(x -> x.code().equals("registration-rejected")).hasSize(1);
    Finding top = f.get(0);
    assertThat(top.code()).isEqualTo("registration-rejected");
    assertThat(top.evidence())
        .filteredOn(e -> e.note().equals("final-answer"))
        .singleElement()
        .satisfies(e -> assertThat(e.frames()).containsExactly(3L, 6L, 9L));
    assertThat(said(top, "en")).contains("the cause is configuration");
  }

  /** The CUCM-side capture of the look-alike has the phone's requests, not the CUCM's own. */
  @Test
  void aCucmSideCaptureWithoutThePhonesRequestsAroundTheRegisterRulesNothingOut()
      throws IOException {
    assertThat(analyze("register-fragments-cucm-requests"))
        .flatExtracting(Finding::ruledOut)
        .noneMatch(r -> r.why().equals("rival-register-never-reached-cucm-side"));
  }
}
