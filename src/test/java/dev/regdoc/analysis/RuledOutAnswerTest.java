package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regdoc.conversation.CardsForTest;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.testing.TestAnalyzers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real rules on the case-study-2 fixture (port-security aging, both captures): the root cause
 * lists each rival it beat with why and where, in JSON, text, the chat card and Japanese, and none
 * of those rivals is shown anywhere else in the answer.
 */
class RuledOutAnswerTest {
  static Analysis analysis;
  static KnowledgeTexts texts;
  static final List<String> BEATEN =
      List.of("idle-connection-teardown", "cucm-not-responding", "random-loss");

  @BeforeAll
  static void analyse() throws Exception {
    Analyzer analyzer = TestAnalyzers.repositoryRules();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures/case-study-2"))) {
      analysis =
          analyzer.analyze(
              s.filter(p -> !p.toString().endsWith("README.md"))
                  .sorted()
                  .map(InputFile::of)
                  .toList());
    }
    texts = KnowledgeTexts.load(Path.of("knowledge-base"));
  }

  @Test
  void theJsonListsEachRivalWithWhyAndEvidenceAndNotAsAFinding() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportJson.render(analysis, texts, "en"));
    assertThat(root.path("schema").asText()).isEqualTo("regdoc.analysis/3");
    JsonNode top = root.path("findings").get(0);
    assertThat(top.path("code").asText()).isEqualTo("port-security-aging");
    List<String> codes = new ArrayList<>();
    top.path("ruledOut").forEach(r -> codes.add(r.path("code").asText()));
    assertThat(codes).containsAll(BEATEN);
    JsonNode firewall = rival(top, "idle-connection-teardown");
    assertThat(firewall.path("whyKey").asText()).isEqualTo("rival-first-copy-only");
    assertThat(firewall.path("why").asText())
        .isEqualTo(
            "Not a firewall or NAT idle timeout, because only the first copy of each lost refresh"
                + " was dropped and the next copy got through (12 refreshes); a firewall that has"
                + " removed the connection drops every copy.");
    assertThat(firewall.path("evidence").get(0).path("file").asText()).endsWith("phone.pcap");
    assertThat(firewall.path("evidence").get(0).path("frames").get(0).asLong()).isEqualTo(8);
    for (JsonNode f : root.path("findings")) {
      assertThat(BEATEN).doesNotContain(f.path("code").asText(), f.path("causedBy").asText(""));
    }
  }

  private static JsonNode rival(JsonNode finding, String code) {
    for (JsonNode r : finding.path("ruledOut")) {
      if (r.path("code").asText().equals(code)) {
        return r;
      }
    }
    throw new AssertionError("no rival " + code + " in " + finding);
  }

  @Test
  void theTextSaysNotBecauseUnderTheFindingAndShowsTheRivalNowhereElse() {
    for (boolean md : List.of(false, true)) {
      String text = ReportText.render(analysis, texts, "en", md);
      assertThat(text)
          .contains(
              "Not the CUCM not answering, because the CUCM answered the retransmitted refreshes"
                  + " (12), so it was up and listening. (phone.pcap frames 8");
      assertThat(text).doesNotContain("cucm-not-responding").doesNotContain("did not answer");
    }
    String ja = ReportText.render(analysis, texts, "ja", false);
    assertThat(ja)
        .contains("原因は「ファイアウォールや NAT の無通信タイムアウト」ではありません。根拠：")
        .contains("phone.pcap フレーム 8");
  }

  @Test
  void theChatCardCarriesTheRivalsAndNoCardShowsThem() {
    var cards = new CardsForTest(texts).cards(analysis, "en", 10);
    assertThat(cards.get(0).ruledOut().stream().map(r -> r.code()).toList()).containsAll(BEATEN);
    assertThat(cards.get(0).ruledOut())
        .allSatisfy(
            r -> {
              assertThat(r.text()).startsWith("Not ");
              assertThat(r.where()).first().asString().startsWith("phone.pcap frames 8");
            });
    assertThat(cards)
        .noneMatch(
            c ->
                BEATEN.contains(c.code())
                    || (c.causedBy() != null && BEATEN.contains(c.causedBy())));
  }

  @Test
  void anUndeterminedFindingWordsItsCandidatesInBothLanguages() {
    Finding u =
        Finding.of(Finding.UNDETERMINED, "SEP0024142DDF24", Tier.ROOT_CAUSE)
            .confidence(0.9)
            .candidate("port-security-aging", 0.5)
            .candidate("idle-connection-teardown", 0.4);
    FindingText en = texts.textOf(u, "en");
    assertThat(en.title())
        .isEqualTo(
            "The evidence does not decide between: port-security aging on the phone's switch"
                + " port (50 %), a firewall or NAT idle timeout (40 %)");
    FindingText ja = texts.textOf(u, "ja");
    assertThat(ja.title())
        .isEqualTo(
            "次の原因のどれかを、現在の情報では判断できない：電話機のスイッチポートのポートセキュリティのエージング"
                + "（50 %）、ファイアウォールや NAT の無通信タイムアウト（40 %）");
  }

  @Test
  void evidenceMissingSaysWhyTheItemDecides() {
    Finding asked =
        Finding.of("evidence-missing", "SEP0024142DDF24", Tier.NOTE)
            .value("step", "cucm-capture")
            .value("about", Finding.UNDETERMINED)
            .value("decides", "first-transmission-missing-at-cucm");
    assertThat(texts.textOf(asked, "en").explanation())
        .endsWith(
            "Why it decides: first transmission seen at the phone, missing at the"
                + " CUCM; only the TCP retransmission arrived");
    Finding plain =
        Finding.of("evidence-missing", "SEP0024142DDF24", Tier.NOTE).value("step", "cucm-capture");
    assertThat(texts.textOf(plain, "ja").explanation()).contains("実際に CUCM に何が届いたかがわかります");
  }
}
