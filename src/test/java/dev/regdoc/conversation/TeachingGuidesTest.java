package dev.regdoc.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.LessonGuide;
import dev.regdoc.knowledge.CaseStudy;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The teaching texts (knowledge-base/teaching) fit the rest of the knowledge base: a guide per
 * lesson with one entry per question, point ids unique in a lesson, exercises on files the lesson
 * ships and findings the knowledge base knows, and no word in two synonym groups.
 */
class TeachingGuidesTest {
  private static final Path KB = Path.of("knowledge-base");
  private static final LessonGuides GUIDES = LessonGuides.load(KB);
  private static final KnowledgeBase BASE = KnowledgeBase.load(KB);

  @Test
  void everyLessonHasAGuideThatFitsItsQuestionsAndFiles() {
    LessonLibrary library = new LessonLibrary(KB.resolve("lessons"));
    List<String> problems = new ArrayList<>();
    for (CaseStudy c : BASE.caseStudies()) {
      LessonGuide g = GUIDES.of(c.id()).orElse(null);
      if (g == null) {
        problems.add(c.id() + ": no guide in teaching/");
        continue;
      }
      if (g.questions().size() != c.questions().size()) {
        problems.add(
            c.id()
                + ": "
                + g.questions().size()
                + " guides for "
                + c.questions().size()
                + " questions");
      }
      Set<String> ids = new HashSet<>();
      g.questions().forEach(q -> q.points().forEach(p -> ids.add(p.id())));
      for (Exercise e : g.exercises()) {
        if (!ids.add(e.id())) {
          problems.add(c.id() + ": id " + e.id() + " is used twice");
        }
        if (!library.files(c.id()).contains(e.file())) {
          problems.add(
              c.id()
                  + ": exercise "
                  + e.id()
                  + " names "
                  + e.file()
                  + ", not a file of the lesson");
        }
        if (!BASE.findingCodes().contains(e.finding())) {
          problems.add(
              c.id() + ": exercise " + e.id() + " names an unknown finding " + e.finding());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void noWordStandsForTwoThings() {
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    for (List<String> group : GUIDES.words().synonyms()) {
      for (String w : group) {
        if (!seen.add(w.toLowerCase(Locale.ROOT))) {
          twice.add(w);
        }
      }
    }
    assertThat(twice).isEmpty();
    assertThat(GUIDES.words().dontKnow().get(Lang.JA)).contains("わかりません");
  }
}
