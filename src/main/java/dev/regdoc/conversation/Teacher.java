package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.knowledge.CaseStudy;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "Teach me": walks a learner through the case studies of the knowledge base (each question asked
 * before its answer is shown, then regdoc's own analysis of the case's captures) and through the
 * purpose of each checklist step. A lesson's files ship in its folder of the {@link LessonLibrary};
 * the reply names them in a {@link Block.LessonFiles}, which each front end offers its own way.
 * Progress lives in the user's profile: "active" is the lesson under way, each lesson id maps to
 * the position reached or "done".
 */
final class Teacher {
  static final String ACTIVE = "active";
  static final String CHECKLIST_LESSON = "checklist-tour";
  static final String DONE = "done";
  private final KnowledgeBase kb;
  private final Phrases say;
  private final CaseAnalysis analysis;
  private final LessonLibrary lessons;

  Teacher(EngineParts p, CaseAnalysis analysis, LessonLibrary lessons) {
    this.kb = p.kb();
    this.say = p.phrases();
    this.analysis = analysis;
    this.lessons = lessons;
  }

  boolean inLesson(Turn t) {
    return t.learning.containsKey(ACTIVE);
  }

  /** The lessons with the learner's progress, as buttons. */
  void menu(Turn t) {
    List<Block.Choice> choices = new ArrayList<>();
    for (CaseStudy c : kb.caseStudies()) {
      choices.add(
          new Block.Choice(
              "lesson:" + c.id(), c.title().get(t.lang) + " (" + state(t, c.id()) + ")"));
    }
    choices.add(
        new Block.Choice(
            "lesson:" + CHECKLIST_LESSON,
            say.get("lesson-checklist-title", t.lang) + " (" + state(t, CHECKLIST_LESSON) + ")"));
    t.add(new Block.Choices(say.get("teach-menu", t.lang), choices));
  }

  void start(Turn t, String lessonId) {
    t.learning.put(ACTIVE, lessonId);
    String at = t.learning.get(lessonId);
    if (at == null || DONE.equals(at)) {
      t.learning.put(lessonId, "0");
      intro(t, lessonId);
    }
    ask(t);
  }

  void stop(Turn t) {
    t.learning.remove(ACTIVE);
    t.say(say.get("lesson-stopped", t.lang));
  }

  /** The learner's answer (or "next"): show the model answer, then move on. */
  void answer(Turn t) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    if (!CHECKLIST_LESSON.equals(lesson)) {
      CaseStudy c = kb.caseStudy(lesson).orElseThrow();
      if (at < c.questions().size()) {
        t.say(say.get("lesson-answer", t.lang, "answer", c.questions().get(at).a().get(t.lang)));
      }
    }
    t.learning.put(lesson, String.valueOf(at + 1));
    ask(t);
  }

  private void intro(Turn t, String lessonId) {
    if (CHECKLIST_LESSON.equals(lessonId)) {
      return;
    }
    CaseStudy c = kb.caseStudy(lessonId).orElseThrow();
    t.say(
        say.get(
            "lesson-intro",
            t.lang,
            "title",
            c.title().get(t.lang),
            "symptom",
            c.symptom().get(t.lang)));
    t.say(bullets(c.collected().get(t.lang)));
    List<String> files = lessons.files(lessonId);
    if (!files.isEmpty()) {
      t.say(say.get("lesson-files", t.lang));
      t.add(new Block.LessonFiles(lessonId, files));
    }
  }

  /** Asks the question the learner has reached, or finishes the lesson. */
  private void ask(Turn t) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    if (CHECKLIST_LESSON.equals(lesson)) {
      askStep(t, at);
      return;
    }
    CaseStudy c = kb.caseStudy(lesson).orElseThrow();
    if (at < c.questions().size()) {
      t.add(
          new Block.Choices(
              say.get(
                  "lesson-question",
                  t.lang,
                  "n",
                  at + 1,
                  "total",
                  c.questions().size(),
                  "question",
                  c.questions().get(at).q().get(t.lang)),
              List.of(new Block.Choice("lesson:stop", say.get("choice-stop", t.lang)))));
      return;
    }
    showAnalysis(t, c);
    finish(t, lesson);
  }

  private void askStep(Turn t, int at) {
    List<ChecklistStep> steps = kb.checklist();
    if (at >= steps.size()) {
      finish(t, CHECKLIST_LESSON);
      return;
    }
    ChecklistStep s = steps.get(at);
    t.say(
        say.get(
            "lesson-step",
            t.lang,
            "order",
            s.order(),
            "total",
            steps.size(),
            "title",
            s.title().get(t.lang),
            "why",
            s.why().get(t.lang)));
    t.add(
        new Block.Choices(
            null,
            List.of(
                new Block.Choice("lesson:next", say.get("choice-next", t.lang)),
                new Block.Choice("lesson:stop", say.get("choice-stop", t.lang)))));
  }

  private void showAnalysis(Turn t, CaseStudy c) {
    List<Path> files =
        lessons.files(c.id()).stream().flatMap(f -> lessons.file(c.id(), f).stream()).toList();
    if (!files.isEmpty()) {
      t.say(say.get("lesson-analysis", t.lang));
      Analysis a = analysis.analyseFiles(files);
      analysis.cards().cards(a, t.lang.key(), 3).forEach(t::add);
    }
    t.say(say.get("lesson-root-cause", t.lang, "cause", c.rootCause().get(t.lang)));
    t.say(bullets(c.fix().get(t.lang)));
  }

  private void finish(Turn t, String lesson) {
    t.learning.put(lesson, DONE);
    t.learning.remove(ACTIVE);
    t.say(say.get("lesson-finished", t.lang));
  }

  /** The question (or checklist step) the learner has reached in {@code lesson}. */
  private static int position(Turn t, String lesson) {
    return Integer.parseInt(t.learning.getOrDefault(lesson, "0"));
  }

  private static String bullets(List<String> lines) {
    return String.join("\n", lines.stream().map(x -> "- " + x).toList());
  }

  private String state(Turn t, String lessonId) {
    String at = t.learning.get(lessonId);
    return say.get(
        at == null
            ? "lesson-state-new"
            : DONE.equals(at) ? "lesson-state-done" : "lesson-state-started",
        t.lang);
  }
}
