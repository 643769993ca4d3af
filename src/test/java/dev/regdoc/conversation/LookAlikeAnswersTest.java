package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The look-alike question of a fault lesson read in answers a junior might type, in both languages,
 * against the real knowledge base: the fault named, the deciding file named, or the look-alike
 * named instead. The table is src/test/resources/teaching/look-alike-answers.txt.
 */
class LookAlikeAnswersTest {
  private static final LessonGuides GUIDES = LessonGuides.load(Path.of("knowledge-base"));
  private static final AnswerJudge JUDGE = new AnswerJudge(GUIDES.words());
  private static final Text ANY = new Text("-", "-");

  record Row(String fault, String other, Lang lang, List<String> points, String answer) {
    @Override
    public String toString() {
      return fault + " vs " + other + " " + lang.key() + ": " + answer;
    }
  }

  static Stream<Row> table() throws IOException {
    return Files.readAllLines(
            Path.of("src/test/resources/teaching/look-alike-answers.txt"), StandardCharsets.UTF_8)
        .stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(
            l -> {
              String[] f = l.split("\\|", 5);
              return new Row(
                  f[0],
                  f[1],
                  Lang.fromTag(f[2]).orElseThrow(),
                  "-".equals(f[3]) ? List.of() : Arrays.asList(f[3].split(",")),
                  f[4]);
            });
  }

  @ParameterizedTest
  @MethodSource("table")
  void readsTheFaultTheFileAndTheLookAlike(Row row) {
    LookAlikes la = GUIDES.lookAlikes();
    LookAlikes.Pair pair =
        la.of(row.fault()).stream()
            .filter(p -> p.other(row.fault()).equals(row.other()))
            .findFirst()
            .orElseThrow();
    List<KeyPoint> points =
        List.of(
            new KeyPoint("named", ANY, ANY, la.names().get(row.fault())),
            new KeyPoint("decides", ANY, ANY, pair.decidesPhrasings()),
            new KeyPoint("rival", ANY, ANY, la.names().get(row.other())));
    List<String> made =
        new ArrayList<>(
            JUDGE.read(row.answer(), points, row.lang()).made().stream()
                .map(KeyPoint::id)
                .toList());
    if (made.contains("named")) {
      made.remove("rival"); // beside the fault, the look-alike is only the comparison (Teacher)
    }
    assertThat(made).as(row.toString()).containsExactlyInAnyOrderElementsOf(row.points());
  }

  @Test
  void everyPairHasAGoodAnswerInBothLanguagesAndALookAlikeNamed() throws IOException {
    List<Row> rows = table().toList();
    List<String> missing = new ArrayList<>();
    for (LookAlikes.Pair p : GUIDES.lookAlikes().pairs()) {
      for (Lang lang : Lang.values()) {
        if (rows.stream()
            .noneMatch(
                r ->
                    r.lang() == lang
                        && (r.fault() + r.other())
                            .matches(p.first() + p.second() + "|" + p.second() + p.first())
                        && r.points().containsAll(List.of("named", "decides")))) {
          missing.add(p.id() + " " + lang.key() + ": a good answer");
        }
      }
      if (rows.stream()
          .noneMatch(
              r ->
                  (r.fault() + r.other())
                          .matches(p.first() + p.second() + "|" + p.second() + p.first())
                      && r.points().equals(List.of("rival")))) {
        missing.add(p.id() + ": an answer naming the look-alike instead");
      }
    }
    assertThat(missing).isEmpty();
  }
}
