package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look-alike questions of the fault lessons (teaching/look-alikes.yaml) can be answered: each
 * pair is of two faults that have lessons, naming one fault neither names its look-alike nor the
 * deciding file (so a bare fault name is never read as the whole answer, nor as the wrong fault),
 * and every fault lesson asks something of its learner.
 */
class LookAlikeQuestionsTest {
  private static final Path KB = Path.of("knowledge-base");
  private static final LessonGuides GUIDES = LessonGuides.load(KB);
  private static final Text ANY = new Text("-", "-");

  @TempDir Path data;

  @Test
  void everyPairIsOfTwoFaultsThatHaveLessons() {
    KnowledgeBase kb = KnowledgeBase.load(KB);
    LookAlikes la = GUIDES.lookAlikes();
    assertThat(la.pairs()).hasSizeGreaterThanOrEqualTo(8);
    for (String code : la.names().keySet()) {
      assertThat(kb.findingCodes()).as("look-alikes.yaml names %s", code).contains(code);
      assertThat(KB.resolve("lessons/" + FaultLesson.PREFIX + code))
          .as("%s has a look-alike but no lesson", code)
          .isDirectory();
    }
  }

  @Test
  void namingOneFaultNamesNeitherItsLookAlikeNorTheDecidingFile() {
    AnswerJudge judge = new AnswerJudge(GUIDES.words());
    LookAlikes la = GUIDES.lookAlikes();
    List<String> problems = new ArrayList<>();
    for (LookAlikes.Pair p : la.pairs()) {
      for (String fault : List.of(p.first(), p.second())) {
        String other = p.other(fault);
        KeyPoint rival = new KeyPoint(other, ANY, ANY, la.names().get(other));
        KeyPoint file = new KeyPoint("decides", ANY, ANY, p.decidesPhrasings());
        for (Lang lang : Lang.values()) {
          for (String said : la.names().get(fault).get(lang)) {
            judge
                .read(said, List.of(rival, file), lang)
                .made()
                .forEach(k -> problems.add(p.id() + ": \"" + said + "\" also names " + k.id()));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFaultLessonAsksSomething() throws Exception {
    List<String> lessons;
    try (var s = Files.list(KB.resolve("lessons"))) {
      lessons =
          s.map(x -> x.getFileName().toString())
              .filter(n -> n.startsWith(FaultLesson.PREFIX))
              .sorted()
              .toList();
    }
    assertThat(lessons).hasSizeGreaterThan(10);
    LessonLibrary library = new LessonLibrary(KB.resolve("lessons"));
    try (BotRuntime bot = BotFixture.start(data)) {
      ChatEngine engine = bot.engine();
      for (String lesson : lessons) {
        String user = "web:" + lesson;
        Reply r = engine.handle(Incoming.action(user, user, "lesson:" + lesson), ProgressSink.NONE);
        assertThat(r.plainText())
            .as("%s's first step", lesson)
            .containsAnyOf("Question 1 of", "Exercise 1 of")
            .doesNotContain("Lesson finished");
        assertThat(r.blocks())
            .as("%s offers its files", lesson)
            .contains(new Block.LessonFiles(lesson, library.files(lesson)));
        // what the web chat's and Slack's downloads are served from
        assertThat(engine.lessonFile(lesson, library.files(lesson).get(0))).isPresent();
      }
    }
  }
}
