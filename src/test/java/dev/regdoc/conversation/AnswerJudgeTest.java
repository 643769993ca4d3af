package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.conversation.LessonGuides.QuestionGuide;
import dev.regdoc.knowledge.Aliases;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key points read in answers a junior might type, good and bad, in both languages, against the
 * real knowledge base: the table is src/test/resources/teaching/answers.txt.
 */
class AnswerJudgeTest {
  private static final LessonGuides GUIDES = LessonGuides.load(Path.of("knowledge-base"));
  private static final AnswerJudge JUDGE = new AnswerJudge(GUIDES.words());

  record Row(String lesson, int question, Lang lang, List<String> points, String answer) {
    @Override
    public String toString() {
      return lesson + " q" + question + " " + lang.key() + ": " + answer;
    }
  }

  static Stream<Row> table() throws IOException {
    return Files.readAllLines(
            Path.of("src/test/resources/teaching/answers.txt"), StandardCharsets.UTF_8)
        .stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(
            l -> {
              String[] f = l.split("\\|", 5);
              return new Row(
                  f[0],
                  Integer.parseInt(f[1]),
                  Lang.fromTag(f[2]).orElseThrow(),
                  "-".equals(f[3]) ? List.of() : Arrays.asList(f[3].split(",")),
                  f[4]);
            });
  }

  @ParameterizedTest
  @MethodSource("table")
  void readsExactlyTheKeyPointsTheAnswerMakes(Row row) {
    QuestionGuide q = GUIDES.of(row.lesson()).orElseThrow().questions().get(row.question() - 1);
    List<String> made =
        JUDGE.covered(row.answer(), q.points(), row.lang()).stream().map(KeyPoint::id).toList();
    assertThat(made).as(row.toString()).containsExactlyInAnyOrderElementsOf(row.points());
  }

  @Test
  void everyQuestionOfEveryGuideHasAGoodAndABadAnswerInBothLanguages() throws IOException {
    List<Row> rows = table().toList();
    for (String lesson : List.of("case-1-2-proxy-arp", "case-2-port-security-aging")) {
      int questions = GUIDES.of(lesson).orElseThrow().questions().size();
      for (int q = 1; q <= questions; q++) {
        for (Lang lang : Lang.values()) {
          int n = q;
          List<Row> these =
              rows.stream()
                  .filter(r -> r.lesson().equals(lesson) && r.question() == n && r.lang() == lang)
                  .toList();
          int all = GUIDES.of(lesson).orElseThrow().questions().get(q - 1).points().size();
          assertThat(these)
              .as("%s q%d %s: a full answer", lesson, q, lang)
              .anyMatch(r -> r.points().size() == all);
          assertThat(these)
              .as("%s q%d %s: a wrong answer", lesson, q, lang)
              .anyMatch(r -> r.points().isEmpty());
        }
      }
    }
  }

  @Test
  void aPointSaidOnlyUnderANegationIsContradictedNotMade() {
    QuestionGuide q = GUIDES.of("case-1-2-proxy-arp").orElseThrow().questions().get(0);
    AnswerJudge.Reading en =
        JUDGE.read(
            "It is NOT the same TCP sequence number, and I would not compare both captures.",
            q.points(),
            Lang.EN);
    assertThat(en.made()).isEmpty();
    assertThat(en.contradicted().stream().map(KeyPoint::id))
        .containsExactly("both-captures", "same-sequence");
    AnswerJudge.Reading ja = JUDGE.read("同時には取りません。両方のキャプチャを比べます。", q.points(), Lang.JA);
    assertThat(ja.made().stream().map(KeyPoint::id)).containsExactly("both-captures");
    assertThat(ja.contradicted().stream().map(KeyPoint::id)).containsExactly("same-time");
  }

  @Test
  void aFrameTheAnswerDeniesIsNotTheFrameItGives() {
    assertThat(AnswerJudge.firstNumber(JUDGE.affirmed("not frame 55, it is frame 57")))
        .isEqualTo(57.0);
    assertThat(AnswerJudge.firstNumber(JUDGE.affirmed("フレーム 55 ではなく 57 です"))).isEqualTo(57.0);
    assertThat(AnswerJudge.firstNumber(JUDGE.affirmed("frame 55, not 57"))).isEqualTo(55.0);
  }

  @Test
  void dontKnowIsReadInBothLanguagesButAnAnswerThatHedgesIsJudged() {
    assertThat(JUDGE.isDontKnow("I don't know")).isTrue();
    assertThat(JUDGE.isDontKnow("I am not sure.")).isTrue();
    assertThat(JUDGE.isDontKnow("わかりません")).isTrue();
    assertThat(JUDGE.isDontKnow("  分からない。")).isTrue();
    assertThat(JUDGE.isDontKnow("")).isTrue();
    assertThat(JUDGE.isDontKnow("not sure, maybe the ASA answered first")).isFalse();
  }

  @Test
  void numbersAreReadInOneSpellingAndWordsOnlyWhole() {
    assertThat(JUDGE.normal("115.00 s")).isEqualTo(JUDGE.normal("115 s"));
    assertThat(JUDGE.normal("１１５秒")).contains(" 115 ");
    assertThat(AnswerJudge.firstNumber("frame 55 of phone.pcap")).isEqualTo(55.0);
    assertThat(AnswerJudge.firstNumber("from 192.0.2.130, after 26.9 s")).isEqualTo(26.9);
    KeyPoint arp =
        new KeyPoint(
            "arp",
            new Text("a", "a"),
            new Text("m", "m"),
            new Aliases(List.of("arp"), List.of("arp")));
    assertThat(JUDGE.covered("a sharp answer", List.of(arp), Lang.EN)).isEmpty();
    assertThat(JUDGE.covered("ARPs", List.of(arp), Lang.EN)).containsExactly(arp);
    assertThat(JUDGE.covered("電話機のARPキャッシュ", List.of(arp), Lang.JA)).containsExactly(arp);
  }
}
