package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.Tier;
import dev.regdoc.knowledge.FindingEntry;
import dev.regdoc.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every finding text read as a user reads it when the rules could not fill everything in: with its
 * values missing, with the phone's port unknown, in both languages. No sentence may then name "the
 * phone's switch port" as if it were a port's name ("Port the phone's switch port ages...",
 * "interface the phone's switch port"), write "(s)" plurals, or leave a placeholder; and a cycle is
 * described by what was measured, and from how many cycles.
 */
class FindingWordingTest {
  private static final Path KB = Path.of("knowledge-base");
  private static final KnowledgeTexts TEXTS = KnowledgeTexts.load(KB);
  private static final List<String> MISREAD =
      List.of(
          "Port the phone's",
          "port the phone's",
          "interface the phone's",
          "ポート 電話機の",
          "interface 電話機の",
          "(s)");

  private static List<String> all(FindingText t) {
    List<String> out = new ArrayList<>(List.of(t.title(), t.explanation()));
    out.addAll(t.fix());
    return out;
  }

  private static void readsRight(String what, FindingText t) {
    for (String s : all(t)) {
      assertThat(s).as(what).doesNotContain("{");
      MISREAD.forEach(bad -> assertThat(s).as(what).doesNotContain(bad));
    }
  }

  @Test
  void everyFindingTextReadsRightWithItsValuesMissingInBothLanguages() {
    for (FindingEntry e : KnowledgeBase.load(KB).findings()) {
      for (String lang : List.of("en", "ja")) {
        Finding bare = Finding.of(e.code(), "SEP0024142DDF24", Tier.SYMPTOM);
        readsRight(e.code() + " with no values, " + lang, TEXTS.textOf(bare, lang));
      }
    }
  }

  @Test
  void portSecurityAgingWithThePortUnknownNamesNoPortAsIfItWereOne() {
    for (String lang : List.of("en", "ja")) {
      Finding f =
          Finding.of("port-security-aging", "SEP0024142DDF24", Tier.ROOT_CAUSE)
              .value("interval", 115);
      FindingText t = TEXTS.textOf(f, lang);
      readsRight("port unknown, " + lang, t);
      assertThat(String.join("\n", all(t)))
          .contains(lang.equals("en") ? "the phone's switch port" : "電話機のスイッチポート")
          .contains("switchport port-security aging time 5");
    }
  }

  @Test
  void aSingleFailoverIsNotCalledAPeriodAndSeveralSayHowManyCycles() {
    Map<String, FindingText> one = new HashMap<>();
    for (String lang : List.of("en", "ja")) {
      Finding once =
          Finding.of("failover-cycle", "SEP0024142DDF24", Tier.SYMPTOM)
              .value("failovers", 1)
              .value("period", 1080)
              .value("returnAfter", 120);
      one.put(lang, TEXTS.textOf(once, lang));
      readsRight("one failover, " + lang, one.get(lang));
      Finding three =
          Finding.of("failover-cycle", "SEP0024142DDF24", Tier.SYMPTOM)
              .value("failovers", 3)
              .value("period", 960)
              .value("returnAfter", 120);
      readsRight("three failovers, " + lang, TEXTS.textOf(three, lang));
      assertThat(TEXTS.textOf(three, lang).title()).contains("16").contains("3");
    }
    assertThat(one.get("en").title())
        .contains("once, 18 minutes after the files begin (one cycle, so no period")
        .doesNotContain("about every");
    assertThat(one.get("ja").title()).contains("18分後に 1 回だけ（1 周期だけなので周期は測れません）");
  }

  @Test
  void aReportedPeriodIsReconciledWithWhatTheFilesShow() {
    Map<String, Map<String, String>> said = new HashMap<>();
    for (String lang : List.of("en", "ja")) {
      Map<String, String> titles = new HashMap<>();
      titles.put("once", cycleTitle(lang, 1, 1082, null));
      titles.put("agrees", cycleTitle(lang, 3, 990, true));
      titles.put("differs", cycleTitle(lang, 3, 1440, false));
      said.put(lang, titles);
    }
    assertThat(said.get("en").get("once"))
        .isEqualTo(
            "The phone fails over to the secondary once, 18 minutes after the files begin (one"
                + " cycle, which can neither confirm nor rule out the 16 minutes you reported); it"
                + " returns after about 2 minutes");
    assertThat(said.get("en").get("agrees"))
        .isEqualTo(
            "The phone fails over to the secondary about every 16.5 minutes (the mean of 3 cycles"
                + " in the files), matching the 16 minutes you reported; it returns after about 2"
                + " minutes");
    assertThat(said.get("en").get("differs"))
        .isEqualTo(
            "The phone fails over to the secondary about every 24 minutes (the mean of 3 cycles in"
                + " the files, not the 16 minutes you reported: check that the files cover the same"
                + " phone and time); it returns after about 2 minutes");
    assertThat(said.get("ja").get("once"))
        .isEqualTo(
            "電話機がファイルの開始から 18分後に 1 回だけ（1 周期だけなので、お知らせいただいた約 16分ごと"
                + "という周期は裏付けも否定もできません）、セカンダリへフェールオーバーし、約 2分後に戻っている");
    assertThat(said.get("ja").get("agrees"))
        .contains("約 16.5分ごと（ファイル中の 3 周期の平均。お知らせいただいた 16分と一致します）");
    assertThat(said.get("ja").get("differs")).contains("お知らせいただいた 16分とは違うため");
  }

  private static String cycleTitle(String lang, int failovers, long period, Boolean agrees) {
    Finding f =
        Finding.of("failover-cycle", "SEP0024142DDF24", Tier.SYMPTOM)
            .value("failovers", failovers)
            .value("period", period)
            .value("returnAfter", 120)
            .value("reported", 960L)
            .value("reportedAgrees", agrees);
    FindingText t = TEXTS.textOf(f, lang);
    readsRight(failovers + " failovers, reported, " + lang, t);
    return t.title();
  }
}
