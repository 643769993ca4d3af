package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.conversation.CardsForTest;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real rules plus a test rule that makes a confident rival and has the port-security finding
 * rule it out, on the case-study-2 fixture: the answer says why the rival is excluded, cites where,
 * and never shows the rival.
 */
class RuledOutAnswerTest {
  @TempDir static Path rulesDir;
  static Analysis analysis;
  static KnowledgeTexts texts;

  @BeforeAll
  static void analyse() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("rules"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
        Files.copy(p, rulesDir.resolve(p.getFileName()));
      }
    }
    Files.copy(
        Path.of("src/test/resources/differential/ruled-out.drl"),
        rulesDir.resolve("zz-test-ruled-out.drl"));
    Analyzer analyzer =
        new Analyzer(
            RuleBase.load(rulesDir),
            TextReaders.defaults(),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
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
  void theJsonListsTheRivalWithWhyAndEvidenceAndNotAsAFinding() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ReportJson.render(analysis, texts, "en"));
    assertThat(root.path("schema").asText()).isEqualTo("regdoc.analysis/3");
    JsonNode top = root.path("findings").get(0);
    assertThat(top.path("code").asText()).isEqualTo("port-security-aging");
    JsonNode rival = top.path("ruledOut").get(0);
    assertThat(rival.path("code").asText()).isEqualTo("cucm-not-responding");
    assertThat(rival.path("whyKey").asText()).isEqualTo("first-transmission-missing-at-cucm");
    assertThat(rival.path("why").asText())
        .isEqualTo(
            "Not CUCM received the keepalives but did not answer, because first transmission"
                + " seen at the phone, missing at the CUCM; only the TCP retransmission arrived.");
    assertThat(rival.path("evidence")).isNotEmpty();
    assertThat(rival.path("evidence").get(0).path("file").asText()).endsWith("phone.pcap");
    assertThat(rival.path("evidence").get(0).path("frames").get(0).asLong()).isEqualTo(8);
    root.path("findings")
        .forEach(f -> assertThat(f.path("code").asText()).isNotEqualTo("cucm-not-responding"));
    root.path("findings")
        .forEach(
            f -> assertThat(f.path("causedBy").asText("")).isNotEqualTo("cucm-not-responding"));
  }

  @Test
  void theTextSaysNotBecauseUnderTheFindingAndShowsTheRivalNowhereElse() {
    for (boolean md : List.of(false, true)) {
      String text = ReportText.render(analysis, texts, "en", md);
      assertThat(text)
          .contains(
              "Not CUCM received the keepalives but did not answer, because first transmission seen"
                  + " at the phone, missing at the CUCM; only the TCP retransmission arrived."
                  + " (phone.pcap frames 8");
      assertThat(text.replace("Not CUCM received the keepalives but did not answer", ""))
          .doesNotContain("cucm-not-responding")
          .doesNotContain("did not answer");
    }
    String ja = ReportText.render(analysis, texts, "ja", false);
    assertThat(ja)
        .contains("原因は「CUCM はキープアライブを受信したが応答しなかった」ではありません。根拠：")
        .contains("phone.pcap フレーム 8");
  }

  @Test
  void theChatCardCarriesTheRivalAndNoCardShowsIt() {
    var cards = new CardsForTest(texts).cards(analysis, "en", 10);
    assertThat(cards.get(0).ruledOut())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("cucm-not-responding");
              assertThat(r.text())
                  .startsWith("Not CUCM received the keepalives but did not answer, because");
              assertThat(r.where()).first().asString().startsWith("phone.pcap frames 8");
            });
    assertThat(cards)
        .noneMatch(
            c ->
                c.code().equals("cucm-not-responding")
                    || "cucm-not-responding".equals(c.causedBy()));
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
            "The evidence does not decide between: port-security aging on the access port is"
                + " shorter than the keepalive interval (50 %), a device on the path drops idle"
                + " signalling connections (40 %)");
    FindingText ja = texts.textOf(u, "ja");
    assertThat(ja.title())
        .isEqualTo(
            "次の原因のどれかを、現在の情報では判断できない：アクセスポートのポートセキュリティのエージングがキープアライブ間隔より短い"
                + "（50 %）、経路上の機器がアイドル状態のシグナリング接続を切断している（40 %）");
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
