package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.analysis.FaultManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed knowledge-base/ directory (Maven runs tests from the project root). */
class RealKnowledgeBaseTest {
  static final Path DIR = Path.of("knowledge-base");

  /**
   * Every code the rules can emit: the fault manifest's, which the consistency test holds to the
   * rules.
   */
  static final List<String> FINDING_CODES = manifestCodes();

  private static List<String> manifestCodes() {
    try {
      return FaultManifest.load(Path.of(FaultManifest.PATH)).codes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = KnowledgeBaseLoader.load(DIR); // throws, listing every problem, if anything is wrong
  }

  @Test
  void everyRequiredFindingHasTextsInBothLanguages() {
    assertThat(kb.findingCodes()).containsExactlyInAnyOrderElementsOf(FINDING_CODES);
    for (String code : FINDING_CODES) {
      FindingEntry f = kb.finding(code).orElseThrow();
      for (Lang lang : Lang.values()) {
        assertThat(f.title().get(lang)).as(code + " title " + lang).isNotBlank();
        assertThat(f.explanation().get(lang)).as(code + " explanation " + lang).isNotBlank();
        assertThat(f.fix().get(lang))
            .as(code + " fix " + lang)
            .isNotEmpty()
            .allMatch(s -> !s.isBlank());
      }
    }
  }

  @Test
  void renderingWithEveryDeclaredValueLeavesNoPlaceholder() {
    for (FindingEntry f : kb.findings()) {
      Map<String, Object> values = new HashMap<>();
      f.values().forEach(v -> values.put(v, "<" + v + ">"));
      for (Lang lang : Lang.values()) {
        String all =
            f.title(lang, values)
                + f.explanation(lang, values)
                + String.join(" ", f.fix(lang, values));
        assertThat(Placeholders.find(all)).as(f.code() + " " + lang).isEmpty();
        f.values()
            .forEach(v -> assertThat(all).as(f.code() + " uses " + v).contains("<" + v + ">"));
      }
    }
  }

  @Test
  void everyUnregistrationReasonFrom0To29IsPresent() {
    IntStream.rangeClosed(0, 29)
        .forEach(i -> assertThat(kb.reason(i)).as("reason " + i).isPresent());
    assertThat(kb.reason(30)).isEmpty();
  }

  @Test
  void reason13IsKeepAliveTimeout() {
    ReasonCode r = kb.reason(13).orElseThrow();
    assertThat(r.alarmName()).isEqualTo("KeepAliveTimeout");
    assertThat(r.mibName()).isEqualTo("keepAliveTimeout");
    assertThat(r.nature()).isEqualTo(ReasonCode.Nature.FAULT);
    assertThat(r.findings()).contains("port-security-aging", "proxy-arp", "sip-refresh-late");
  }

  @Test
  void administrativeReasonsAreBenignAndFaultsAreNot() {
    for (int code : new int[] {9, 15, 17, 19, 20, 21, 28}) {
      assertThat(kb.reason(code).orElseThrow().benign()).as("reason " + code).isTrue();
    }
    for (int code : new int[] {1, 6, 12, 13, 16}) {
      assertThat(kb.reason(code).orElseThrow().benign()).as("reason " + code).isFalse();
    }
    assertThat(kb.reason(27).orElseThrow().mibName()).isNull();
    assertThat(kb.reason(27).orElseThrow().nature()).isEqualTo(ReasonCode.Nature.UNEXPECTED);
  }

  @Test
  void registrationFailuresFollowTheMibAndCarryTheNumberingCaveat() {
    assertThat(kb.registrationFailure(27).orElseThrow().mibName())
        .isEqualTo("capabilityResponseTimeout");
    assertThat(kb.registrationFailure(33).orElseThrow().mibName())
        .isEqualTo("addressingModeMismatch");
    for (int missing : new int[] {19, 20, 21, 22, 24}) {
      assertThat(kb.registrationFailure(missing)).as("code " + missing).isEmpty();
    }
    assertThat(kb.registrationFailures()).hasSize(29); // 0-18, 23, 25-33
    assertThat(kb.registrationFailureCaveat().en()).contains("inference").contains("code 6");
    assertThat(kb.registrationFailureCaveat().ja()).contains("推定");
  }

  @ParameterizedTest
  @CsvSource({
    "401,CHALLENGE",
    "407,CHALLENGE",
    "403,FAILURE",
    "404,FAILURE",
    "408,FAILURE",
    "423,FAILURE",
    "480,FAILURE",
    "500,FAILURE",
    "503,FAILURE",
    "200,NORMAL"
  })
  void sipResponses(int code, SipStatus.Nature nature) {
    assertThat(kb.sipStatus(code).orElseThrow().nature()).isEqualTo(nature);
  }

  @Test
  void restartCauses15To17AreDisputedWithBothReadings() {
    for (int i = 15; i <= 17; i++) {
      RestartCause rc = kb.restartCause(i).orElseThrow();
      assertThat(rc.disputed()).as("index " + i).isTrue();
      assertThat(rc.readings())
          .extracting(RestartCause.Reading::source)
          .containsExactly("phone-firmware", "cucm-alarm-catalog");
      assertThat(rc.meaning().en()).startsWith("Disputed");
      assertThat(rc.meaning().ja()).contains("解釈が割れています");
    }
    assertThat(kb.restartCause(14).orElseThrow().disputed()).isFalse();
    assertThat(kb.restartCause(18).orElseThrow().rfoosName())
        .isEqualTo("TCPclosedConnectHighPriorityUcm");
  }

  @Test
  void restartCauseByNameIgnoresCase() {
    assertThat(kb.restartCause("cm-closed-tcp").orElseThrow().index()).isEqualTo(14);
    assertThat(kb.restartCause("KeepaliveTO").orElseThrow().index()).isEqualTo(17);
    assertThat(kb.restartCause("tcptimedout").orElseThrow().index()).isEqualTo(10);
    assertThat(kb.restartCause("no-such-cause")).isEmpty();
    assertThat(kb.restartCauses()).hasSize(32);
  }

  @Test
  void checklistIsOrderedAndCarriesTheExactCommands() {
    List<ChecklistStep> steps = kb.checklist();
    assertThat(steps.get(0).id()).isEqualTo("cucm-alarms");
    IntStream.range(0, steps.size())
        .forEach(i -> assertThat(steps.get(i).order()).isEqualTo(i + 1));
    String capture = String.join("\n", kb.checklistStep("cucm-capture").orElseThrow().how().en());
    assertThat(capture)
        .contains(
            "utils network capture eth0 file <name> count 1000000 size all host ip <phone-ip>")
        .contains("file get activelog platform/cli/<name>.cap");
    String captureJa = String.join("\n", kb.checklistStep("cucm-capture").orElseThrow().how().ja());
    assertThat(captureJa)
        .contains(
            "utils network capture eth0 file <name> count 1000000 size all host ip <phone-ip>");
    assertThat(String.join("\n", kb.checklistStep("switch-port").orElseThrow().how().en()))
        .contains("show running-config interface")
        .contains("show port-security interface")
        .contains("show logging");
    assertThat(String.join("\n", kb.checklistStep("asa-config").orElseThrow().how().en()))
        .contains("show running-config")
        .contains("show arp");
    assertThat(String.join("\n", kb.checklistStep("phone-capture").orElseThrow().how().en()))
        .contains("Span to PC Port");
  }

  @Test
  void evidenceMissingPointsAtEveryChecklistStep() {
    assertThat(kb.finding("evidence-missing").orElseThrow().checklist())
        .containsExactlyElementsOf(kb.checklist().stream().map(ChecklistStep::id).toList());
  }

  @Test
  void caseStudiesCarryTheNumbers() {
    CaseStudy two = kb.caseStudy("case-2-port-security-aging").orElseThrow();
    assertThat(two.numbers())
        .containsEntry("refresh_after_200ok", 115)
        .containsEntry("cycle_minutes", 16)
        .containsEntry("capture_clock_offset", 5.3)
        .containsEntry("return_to_primary_minutes", 2);
    assertThat(two.numbers().get("retransmission_delays"))
        .isEqualTo(List.of(0.33, 0.85, 1.68, 3.36, 6.72, 14, 28));
    assertThat(two.questions()).hasSizeGreaterThanOrEqualTo(3);
    CaseStudy one = kb.caseStudy("case-1-2-proxy-arp").orElseThrow();
    assertThat(one.fix().en()).anyMatch(s -> s.contains("sysopt noproxyarp"));
  }

  /** Every case study is a lesson that ships its captures in the knowledge base's lessons/. */
  @Test
  void everyCaseStudyShipsItsLessonFiles() throws IOException {
    for (CaseStudy c : kb.caseStudies()) {
      Path lesson = DIR.resolve("lessons").resolve(c.id());
      assertThat(lesson).as("lesson folder of %s", c.id()).isDirectory();
      try (Stream<Path> files = Files.list(lesson)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .as("files of lesson %s", c.id())
            .anyMatch(n -> n.endsWith(".pcap"))
            .noneMatch(n -> n.endsWith(".md"));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what does delayed failover mean?|EN|delayed-failover",
        "遅延フェールオーバーとは？|JA|delayed-failover",
        "標準フェールオーバーって何ですか|JA|standard-failover",
        "Explain normal failover please|EN|standard-failover",
        "ＳＩＰキープアライブの仕組みを教えて|JA|sip-keepalive",
        "why is the SIP keep-alive every 115 s?|EN|sip-keepalive",
        "What is reason code 13?|EN|reason-code-13",
        "理由コード13の意味は？|JA|reason-code-13",
        "what is proxy ARP|EN|proxy-arp",
        "プロキシARPとは|JA|proxy-arp",
        "delayed failoverとは何ですか|JA|delayed-failover",
        "what does a healthy SIP keepalive look like|EN|healthy-sip-keepalive",
        "ポートセキュリティのエージングについて|JA|port-security-aging",
        "how do I compare both captures by sequence number|EN|two-sided-capture"
      })
  void findConceptMatchesAliasesInBothLanguages(String question, Lang lang, String expected) {
    assertThat(kb.findConcept(question, lang)).map(Concept::id).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "what is the weather today", "sharpen the pencil", "今日の天気は"})
  void findConceptReturnsEmptyForUnrelatedQuestions(String question) {
    assertThat(kb.findConcept(question, Lang.EN)).isEmpty();
    assertThat(kb.findConcept(question, Lang.JA)).isEmpty();
  }

  @Test
  void requiredConceptsExist() {
    for (String id :
        List.of(
            "sccp-keepalive",
            "standard-failover",
            "delayed-failover",
            "sip-keepalive",
            "tcp-retransmission-backoff",
            "port-security-aging",
            "proxy-arp",
            "fallback",
            "reason-code-13",
            "two-sided-capture",
            "healthy-sip-keepalive",
            "healthy-sccp-keepalive")) {
      Concept c = kb.concept(id).orElseThrow(() -> new AssertionError("missing concept " + id));
      assertThat(c.aliases().en()).as(id).isNotEmpty();
      assertThat(c.aliases().ja()).as(id).isNotEmpty();
    }
  }

  @Test
  void committedFilesHoldNoMachinePaths() throws IOException {
    // every file, the lessons' captures too (read byte for byte, so binary files are checked alike)
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertThat(text)
            .as(f.toString())
            .doesNotContainPattern("/(w[o]rk|home|tmp)/")
            .doesNotContainPattern(
                "(?<![A-Za-z])[A-Za-z]:\\\\"); // a drive, not "start:\\n" in YAML
      }
    }
  }
}
