package dev.regdoc.conversation;

import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Teach me": walks a learner through the lessons of the {@link LessonCatalog} (the case studies of
 * the knowledge base, then one per fault of the rule base) and through the purpose of each
 * checklist step. Each question is asked before its answer is shown; the answer is read against the
 * question's key points ({@link AnswerJudge}) and the reply says which it made and which it missed,
 * and when it named a look-alike instead; "I don't know" gets a hint and a second try. Then the
 * find-the-frame exercises are checked against regdoc's own analysis of the lesson's files ({@link
 * ExerciseKey}), and the lesson ends as it says ({@link Lesson#conclude}). A lesson's files ship in
 * its folder of the {@link LessonLibrary}; the reply names them in a {@link Block.LessonFiles},
 * which each front end offers its own way.
 *
 * <p>Progress lives in the user's profile: "active" is the lesson under way, each lesson id maps to
 * the position reached (questions, then exercises) or "done", "hinted" to the lesson and position
 * whose hint was given. What each answer made and missed is counted in the case store.
 */
final class Teacher {
  static final String ACTIVE = "active";
  static final String HINTED = "hinted";
  static final String CHECKLIST_LESSON = "checklist-tour";
  static final String DONE = "done";
  private final KnowledgeBase kb;
  private final Phrases say;
  private final LessonCatalog catalog;
  private final LessonLibrary lessons;
  private final AnswerJudge judge;
  private final CaseStore store;
  private final Clock clock;

  Teacher(EngineParts p, CaseAnalysis analysis, LessonLibrary lessons, LessonGuides guides) {
    this.kb = p.kb();
    this.say = p.phrases();
    this.catalog =
        new LessonCatalog(p.kb(), guides, new LessonKit(p.phrases(), lessons, analysis, p.texts()));
    this.lessons = lessons;
    this.judge = new AnswerJudge(guides.words());
    this.store = p.store();
    this.clock = p.clock();
  }

  boolean inLesson(Turn t) {
    return t.learning.containsKey(ACTIVE);
  }

  /**
   * "teach me": the lesson under way continues where it stopped; otherwise the lessons with the
   * learner's progress, and the one to take next.
   */
  void teachMe(Turn t) {
    String active = t.learning.get(ACTIVE);
    if (active != null) {
      t.say(say.get("lesson-resume", t.lang, "title", title(t, active)));
      ask(t);
    } else {
      menu(t);
    }
  }

  /** The lessons with the learner's progress, as buttons, and the suggested next one. */
  void menu(Turn t) {
    List<Block.Choice> choices = new ArrayList<>();
    for (String id : lessonIds()) {
      choices.add(new Block.Choice("lesson:" + id, title(t, id) + " (" + state(t, id) + ")"));
    }
    t.add(new Block.Choices(say.get("teach-menu", t.lang), choices));
    next(t).ifPresent(id -> t.say(say.get("teach-suggest", t.lang, "title", title(t, id))));
  }

  void start(Turn t, String lessonId) {
    if (!lessonIds().contains(lessonId)) {
      menu(t);
      return;
    }
    t.learning.put(ACTIVE, lessonId);
    String at = t.learning.get(lessonId);
    if (at == null || DONE.equals(at)) {
      t.learning.put(lessonId, "0");
      catalog.lesson(lessonId).ifPresent(l -> l.intro(t));
    }
    ask(t);
  }

  void stop(Turn t) {
    t.learning.remove(ACTIVE);
    t.say(say.get("lesson-stopped", t.lang));
  }

  /** "next" (a button): the model answer without judging, then the next question. */
  void skip(Turn t) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    step(lesson, at)
        .ifPresent(
            s -> {
              if (s instanceof LessonStep.Question q) {
                modelAnswer(t, q);
              } else if (s instanceof LessonStep.Drill d) {
                solution(t, d, "lesson-exercise-solution");
              }
            });
    advance(t, lesson, at);
  }

  /** The learner's answer: judged against the key points (or the exercise's key), then on. */
  void answer(Turn t, String text) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    Optional<LessonStep> s = step(lesson, at);
    if (s.isEmpty()) {
      advance(t, lesson, at);
    } else if (s.get() instanceof LessonStep.Question q && q.points().isEmpty()) {
      modelAnswer(t, q);
      advance(t, lesson, at);
    } else if (s.get() instanceof LessonStep.Question q) {
      judged(t, lesson, at, q, text);
    } else if (s.get() instanceof LessonStep.Drill d) {
      checked(t, lesson, at, d, text);
    }
  }

  private void judged(Turn t, String lesson, int at, LessonStep.Question q, String text) {
    if (judge.isDontKnow(text) && !hinted(t, lesson, at)) {
      t.learning.put(HINTED, lesson + ":" + at);
      t.say(say.get("lesson-hint", t.lang, "hint", q.hint().get(t.lang)));
      ask(t);
      return;
    }
    AnswerJudge.Reading reading =
        judge.isDontKnow(text)
            ? new AnswerJudge.Reading(List.of(), List.of())
            : judge.read(text, q.points(), t.lang);
    List<KeyPoint> made = reading.made();
    List<KeyPoint> missed = q.points().stream().filter(p -> !made.contains(p)).toList();
    String verdict =
        missed.isEmpty()
            ? "lesson-judged-good"
            : made.isEmpty() ? "lesson-judged-none" : "lesson-judged-partial";
    t.say(say.get(verdict, t.lang));
    List<String> lines = new ArrayList<>();
    made.forEach(
        p -> lines.add(say.get("lesson-point-covered", t.lang, "point", p.covered().get(t.lang))));
    for (KeyPoint p : missed) {
      // a point the answer denies is told as such, not as one it forgot
      String how =
          reading.contradicted().contains(p) ? "lesson-point-contradicted" : "lesson-point-missed";
      lines.add(say.get(how, t.lang, "point", p.missed().get(t.lang)));
    }
    if (!q.rivals().isEmpty() && !made.contains(q.points().get(0)) && !judge.isDontKnow(text)) {
      // a look-alike named instead of the fault (the first point) is told with what tells them
      // apart; named beside the fault, it is only the comparison
      judge.read(text, q.rivals(), t.lang).made().forEach(r -> lines.add(r.covered().get(t.lang)));
    }
    t.say(String.join("\n", lines));
    Map<String, Boolean> outcome = new LinkedHashMap<>();
    q.points().forEach(p -> outcome.put(p.id(), made.contains(p)));
    store.recordPoints(t.in.user(), lesson, outcome, clock.instant());
    modelAnswer(t, q);
    advance(t, lesson, at);
  }

  private void checked(Turn t, String lesson, int at, LessonStep.Drill d, String text) {
    Exercise e = d.exercise();
    // "not 55, it is 57": the frame a learner denies is not the one they give
    ExerciseVerdict v = ExerciseVerdict.of(e, d.key(), judge.affirmed(text), lessons.files(lesson));
    if (v == ExerciseVerdict.NO_ANSWER && !hinted(t, lesson, at)) {
      t.learning.put(HINTED, lesson + ":" + at);
      t.say(say.get("lesson-hint", t.lang, "hint", e.hint().get(t.lang)));
      ask(t);
      return;
    }
    switch (v) {
      case RIGHT -> solution(t, d, e.isFrame() ? "lesson-exercise-right" : "lesson-measure-right");
      case NEAR -> solution(t, d, "lesson-exercise-near");
      case WRONG -> solution(t, d, e.isFrame() ? "lesson-exercise-wrong" : "lesson-measure-wrong");
      case NO_ANSWER -> solution(t, d, "lesson-exercise-solution");
    }
    store.recordPoints(
        t.in.user(), lesson, Map.of(e.id(), v == ExerciseVerdict.RIGHT), clock.instant());
    advance(t, lesson, at);
  }

  private void solution(Turn t, LessonStep.Drill d, String phrase) {
    ExerciseKey key = d.key();
    t.say(
        say.get(
            phrase,
            t.lang,
            "frame",
            key.frame(),
            "file",
            key.file(),
            "seconds",
            key.delay() == null ? "-" : String.format(Locale.ROOT, "%.3f", key.delay()),
            "explain",
            d.exercise().explain().get(t.lang)));
  }

  private void modelAnswer(Turn t, LessonStep.Question q) {
    t.say(say.get("lesson-answer", t.lang, "answer", q.answer().get(t.lang)));
  }

  private void advance(Turn t, String lesson, int at) {
    t.learning.remove(HINTED);
    t.learning.put(lesson, String.valueOf(at + 1));
    ask(t);
  }

  private boolean hinted(Turn t, String lesson, int at) {
    return (lesson + ":" + at).equals(t.learning.get(HINTED));
  }

  /** Asks the question or exercise the learner has reached, or finishes the lesson. */
  private void ask(Turn t) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    if (CHECKLIST_LESSON.equals(lesson)) {
      askStep(t, at);
      return;
    }
    Optional<Lesson> l = catalog.lesson(lesson);
    List<LessonStep> steps = l.map(Lesson::steps).orElse(List.of());
    if (at >= steps.size()) {
      l.ifPresent(x -> x.conclude(t));
      finish(t, lesson);
      return;
    }
    LessonStep s = steps.get(at);
    // numbered among the steps of its kind: "Question 2 of 4", "Exercise 1 of 3"
    int n = (int) steps.subList(0, at).stream().filter(x -> x.getClass() == s.getClass()).count();
    int total = (int) steps.stream().filter(x -> x.getClass() == s.getClass()).count();
    if (s instanceof LessonStep.Question q) {
      t.add(
          new Block.Choices(
              numbered("lesson-question", n, total, q.ask(), t.lang),
              List.of(new Block.Choice("lesson:stop", say.get("choice-stop", t.lang)))));
    } else if (s instanceof LessonStep.Drill d) {
      // no buttons: in the terminal a number typed would pick one instead of naming a frame
      t.say(numbered("lesson-exercise", n, total, d.exercise().ask(), t.lang));
    }
  }

  /** "Question 2 of 4: …" ({@code n} counted from 0). */
  private String numbered(String key, int n, int total, Text ask, Lang lang) {
    return say.get(key, lang, "n", n + 1, "total", total, "question", ask.get(lang));
  }

  private Optional<LessonStep> step(String lesson, int at) {
    List<LessonStep> steps = catalog.lesson(lesson).map(Lesson::steps).orElse(List.of());
    return at < steps.size() ? Optional.of(steps.get(at)) : Optional.empty();
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

  private void finish(Turn t, String lesson) {
    t.learning.put(lesson, DONE);
    t.learning.remove(ACTIVE);
    t.learning.remove(HINTED);
    t.say(say.get("lesson-finished", t.lang));
    next(t).ifPresent(id -> t.say(say.get("teach-suggest", t.lang, "title", title(t, id))));
  }

  /**
   * The lessons in the order they are offered: the case studies, the checklist tour, the faults.
   */
  List<String> lessonIds() {
    List<String> ids = new ArrayList<>(catalog.caseStudyIds());
    ids.add(CHECKLIST_LESSON);
    ids.addAll(catalog.faultIds());
    return ids;
  }

  /** The lesson to take next: the first one started and not done, else the first new one. */
  private Optional<String> next(Turn t) {
    Optional<String> started =
        lessonIds().stream()
            .filter(id -> t.learning.containsKey(id) && !DONE.equals(t.learning.get(id)))
            .findFirst();
    return started.or(
        () -> lessonIds().stream().filter(id -> !t.learning.containsKey(id)).findFirst());
  }

  String title(Turn t, String lessonId) {
    return CHECKLIST_LESSON.equals(lessonId)
        ? say.get("lesson-checklist-title", t.lang)
        : catalog.lesson(lessonId).map(l -> l.title(t.lang)).orElse(lessonId);
  }

  /** What a key point (or exercise) of a lesson asks of an answer, in the reply's language. */
  Optional<String> pointText(Turn t, String lessonId, String point) {
    return catalog.lesson(lessonId).flatMap(l -> l.pointText(point)).map(x -> x.get(t.lang));
  }

  /** The question (or checklist step) the learner has reached in {@code lesson}. */
  private static int position(Turn t, String lesson) {
    String at = t.learning.getOrDefault(lesson, "0");
    return DONE.equals(at) ? 0 : Integer.parseInt(at);
  }

  String state(Turn t, String lessonId) {
    return state(t.learning.get(lessonId), t);
  }

  String state(String at, Turn t) {
    return say.get(
        at == null
            ? "lesson-state-new"
            : DONE.equals(at) ? "lesson-state-done" : "lesson-state-started",
        t.lang);
  }
}
