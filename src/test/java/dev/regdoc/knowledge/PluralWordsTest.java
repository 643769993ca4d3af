package dev.regdoc.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * English counts take the singular for exactly one and the plural otherwise; Japanese has one form.
 */
class PluralWordsTest {
  @Test
  void aPluralFormPicksTheWordByTheCount() {
    String en = "after {n} {n|minute|minutes} of inactivity";
    assertThat(Placeholders.fill(en, Map.of("n", 1))).isEqualTo("after 1 minute of inactivity");
    assertThat(Placeholders.fill(en, Map.of("n", 2))).isEqualTo("after 2 minutes of inactivity");
    assertThat(Placeholders.fill(en, Map.of("n", 0.5)))
        .isEqualTo("after 0.5 minutes of inactivity");
    assertThat(Placeholders.fill(en, Map.of("n", "\u22641")))
        .isEqualTo("after \u22641 minute of inactivity");
    assertThat(Placeholders.find(en)).containsExactly("n");
    assertThat(Placeholders.find("switchport port-security aging type {absolute | inactivity}"))
        .isEmpty();
  }

  @Test
  void summaryWordsCountInBothLanguages() {
    SummaryTexts t = SummaryTexts.load(Path.of("knowledge-base"));
    assertThat(t.phrase("top-device", Lang.EN, 1, "2024-01-01 00:00:00"))
        .isEqualTo("1 event, the first at 2024-01-01 00:00:00");
    assertThat(t.phrase("top-device", Lang.EN, 41, "2024-01-01 00:00:00"))
        .isEqualTo("41 events, the first at 2024-01-01 00:00:00");
    assertThat(t.phrase("omitted", Lang.EN, 1))
        .isEqualTo("1 per-phone finding is summarised here.");
    assertThat(t.phrase("top-device", Lang.JA, 1, "2024-01-01 00:00:00"))
        .isEqualTo("1 件（最初は 2024-01-01 00:00:00）");
  }

  @Test
  void countsInTheirUnitFromTheKnowledgeBase() {
    AnswerWords w = AnswerWords.load(Path.of("knowledge-base"));
    assertThat(w.count(1, AnswerWords.Unit.MINUTES, Lang.EN)).isEqualTo("1 minute");
    assertThat(w.count(18.0, AnswerWords.Unit.MINUTES, Lang.EN)).isEqualTo("18 minutes");
    assertThat(w.count(2.5, AnswerWords.Unit.MINUTES, Lang.EN)).isEqualTo("2.5 minutes");
    assertThat(w.count(1, AnswerWords.Unit.MINUTES, Lang.JA)).isEqualTo("1分");
    assertThat(w.count(18.0, AnswerWords.Unit.SECONDS, Lang.JA)).isEqualTo("18秒");
  }

  @Test
  void noEnglishTextOfTheKnowledgeBaseUsesTheParenthesisedPlural() {
    KnowledgeBase kb = KnowledgeBase.load(Path.of("knowledge-base"));
    for (String code : kb.findingCodes()) {
      var f = kb.finding(code).orElseThrow();
      String all = f.title().en() + f.explanation().en() + String.join(" ", f.fix().get(Lang.EN));
      assertThat(all).as(code).doesNotContain("(s)");
    }
  }
}
