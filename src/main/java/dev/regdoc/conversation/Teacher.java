package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.conversation.LessonGuides.LessonGuide;
import dev.regdoc.conversation.LessonGuides.QuestionGuide;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.knowledge.CaseStudy;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeBase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Teach me": walks a learner through the case studies of the knowledge base and through the
 * purpose of each checklist step. Each question is asked before its answer is shown; the answer is
 * read against the question's key points ({@link AnswerJudge}) and the reply says which it made and
 * which it missed; "I don't know" gets a hint and a second try. Then the find-the-frame exercises
 * are checked against regdoc's own analysis of the lesson's files ({@link ExerciseKey}), and the
 * lesson ends with that analysis. A lesson's files ship in its folder of the {@link LessonLibrary};
 * the reply names them in a {@link Block.LessonFiles}, which each front end offers its own way.
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
  private final CaseAnalysis analysis;
  private final LessonLibrary lessons;
  private final LessonGuides guides;
  private final AnswerJudge judge;
  private final CaseStore store;
  private final Clock clock;

  /** Each lesson's exercise keys, from one analysis of its files (they never change). */
  private final Map<String, Map<String, ExerciseKey>> keys = new ConcurrentHashMap<>();

  Teacher(EngineParts p, CaseAnalysis analysis, LessonLibrary lessons, LessonGuides guides) {
    this.kb = p.kb();
    this.say = p.phrases();
    this.analysis = analysis;
    this.lessons = lessons;
    this.guides = guides;
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
      intro(t, lessonId);
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
    if (!CHECKLIST_LESSON.equals(lesson)) {
      CaseStudy c = kb.caseStudy(lesson).orElseThrow();
      if (at < c.questions().size()) {
        modelAnswer(t, c, at);
      } else {
        exercise(t, lesson, at - c.questions().size())
            .ifPresent(e -> solution(t, e.exercise(), e.key(), "lesson-exercise-solution"));
      }
    }
    advance(t, lesson, at);
  }

  /** The learner's answer: judged against the key points (or the exercise's key), then on. */
  void answer(Turn t, String text) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    if (CHECKLIST_LESSON.equals(lesson)) {
      advance(t, lesson, at);
      return;
    }
    CaseStudy c = kb.caseStudy(lesson).orElseThrow();
    int questions = c.questions().size();
    Optional<QuestionGuide> guide =
        guides.of(lesson).filter(g -> at < g.questions().size()).map(g -> g.questions().get(at));
    if (at < questions && guide.isPresent()) {
      judged(t, c, at, guide.get(), text);
    } else if (at < questions) {
      modelAnswer(t, c, at);
      advance(t, lesson, at);
    } else {
      Optional<Posed> e = exercise(t, lesson, at - questions);
      if (e.isEmpty()) {
        advance(t, lesson, at);
      } else {
        checked(t, lesson, at, e.get(), text);
      }
    }
  }

  private void judged(Turn t, CaseStudy c, int at, QuestionGuide guide, String text) {
    if (judge.isDontKnow(text) && !hinted(t, c.id(), at)) {
      t.learning.put(HINTED, c.id() + ":" + at);
      t.say(say.get("lesson-hint", t.lang, "hint", guide.hint().get(t.lang)));
      ask(t);
      return;
    }
    AnswerJudge.Reading reading =
        judge.isDontKnow(text)
            ? new AnswerJudge.Reading(List.of(), List.of())
            : judge.read(text, guide.points(), t.lang);
    List<KeyPoint> made = reading.made();
    List<KeyPoint> missed = guide.points().stream().filter(p -> !made.contains(p)).toList();
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
    t.say(String.join("\n", lines));
    Map<String, Boolean> outcome = new LinkedHashMap<>();
    guide.points().forEach(p -> outcome.put(p.id(), made.contains(p)));
    store.recordPoints(t.in.user(), c.id(), outcome, clock.instant());
    modelAnswer(t, c, at);
    advance(t, c.id(), at);
  }

  private void checked(Turn t, String lesson, int at, Posed posed, String text) {
    Exercise e = posed.exercise();
    ExerciseKey key = posed.key();
    // "not 55, it is 57": the frame a learner denies is not the one they give
    ExerciseVerdict v = ExerciseVerdict.of(e, key, judge.affirmed(text), lessons.files(lesson));
    if (v == ExerciseVerdict.NO_ANSWER && !hinted(t, lesson, at)) {
      t.learning.put(HINTED, lesson + ":" + at);
      t.say(say.get("lesson-hint", t.lang, "hint", e.hint().get(t.lang)));
      ask(t);
      return;
    }
    switch (v) {
      case RIGHT ->
          solution(t, e, key, e.isFrame() ? "lesson-exercise-right" : "lesson-measure-right");
      case NEAR -> solution(t, e, key, "lesson-exercise-near");
      case WRONG ->
          solution(t, e, key, e.isFrame() ? "lesson-exercise-wrong" : "lesson-measure-wrong");
      case NO_ANSWER -> solution(t, e, key, "lesson-exercise-solution");
    }
    store.recordPoints(
        t.in.user(), lesson, Map.of(e.id(), v == ExerciseVerdict.RIGHT), clock.instant());
    advance(t, lesson, at);
  }

  private void solution(Turn t, Exercise e, ExerciseKey key, String phrase) {
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
            e.explain().get(t.lang)));
  }

  private void modelAnswer(Turn t, CaseStudy c, int at) {
    t.say(say.get("lesson-answer", t.lang, "answer", c.questions().get(at).a().get(t.lang)));
  }

  private void advance(Turn t, String lesson, int at) {
    t.learning.remove(HINTED);
    t.learning.put(lesson, String.valueOf(at + 1));
    ask(t);
  }

  private boolean hinted(Turn t, String lesson, int at) {
    return (lesson + ":" + at).equals(t.learning.get(HINTED));
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

  /** Asks the question or exercise the learner has reached, or finishes the lesson. */
  private void ask(Turn t) {
    String lesson = t.learning.get(ACTIVE);
    int at = position(t, lesson);
    if (CHECKLIST_LESSON.equals(lesson)) {
      askStep(t, at);
      return;
    }
    CaseStudy c = kb.caseStudy(lesson).orElseThrow();
    int questions = c.questions().size();
    if (at < questions) {
      choices(
          t,
          say.get(
              "lesson-question",
              t.lang,
              "n",
              at + 1,
              "total",
              questions,
              "question",
              c.questions().get(at).q().get(t.lang)));
      return;
    }
    int exercises = guides.of(lesson).map(g -> g.exercises().size()).orElse(0);
    for (int e = at - questions; e < exercises; e++) {
      Optional<Posed> posed = exercise(t, lesson, e);
      if (posed.isPresent()) {
        t.learning.put(lesson, String.valueOf(questions + e));
        // no buttons: in the terminal a number typed would pick one instead of naming a frame
        t.say(
            say.get(
                "lesson-exercise",
                t.lang,
                "n",
                e + 1,
                "total",
                exercises,
                "question",
                posed.get().exercise().ask().get(t.lang)));
        return;
      }
    }
    showAnalysis(t, c);
    finish(t, lesson);
  }

  private void choices(Turn t, String question) {
    t.add(
        new Block.Choices(
            question, List.of(new Block.Choice("lesson:stop", say.get("choice-stop", t.lang)))));
  }

  /** An exercise with its key; empty when the lesson has no such exercise or no such frame. */
  private Optional<Posed> exercise(Turn t, String lesson, int index) {
    Optional<LessonGuide> g = guides.of(lesson);
    if (g.isEmpty() || index < 0 || index >= g.get().exercises().size()) {
      return Optional.empty();
    }
    Exercise e = g.get().exercises().get(index);
    return Optional.ofNullable(keysOf(lesson, g.get()).get(e.id())).map(k -> new Posed(e, k));
  }

  private Map<String, ExerciseKey> keysOf(String lesson, LessonGuide g) {
    return keys.computeIfAbsent(
        lesson,
        id -> {
          Analysis a = analysis.analyseFiles(files(id));
          Map<String, ExerciseKey> out = new LinkedHashMap<>();
          for (Exercise e : g.exercises()) {
            ExerciseKey.of(a, e)
                .filter(k -> e.isFrame() || k.delay() != null)
                .ifPresent(k -> out.put(e.id(), k));
          }
          return Map.copyOf(out);
        });
  }

  private record Posed(Exercise exercise, ExerciseKey key) {}

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
    List<Path> files = files(c.id());
    if (!files.isEmpty()) {
      t.say(say.get("lesson-analysis", t.lang));
      Analysis a = analysis.analyseFiles(files);
      analysis.cards().cards(a, t.lang.key(), 3).forEach(t::add);
    }
    t.say(say.get("lesson-root-cause", t.lang, "cause", c.rootCause().get(t.lang)));
    t.say(bullets(c.fix().get(t.lang)));
  }

  private List<Path> files(String lesson) {
    return lessons.files(lesson).stream().flatMap(f -> lessons.file(lesson, f).stream()).toList();
  }

  private void finish(Turn t, String lesson) {
    t.learning.put(lesson, DONE);
    t.learning.remove(ACTIVE);
    t.learning.remove(HINTED);
    t.say(say.get("lesson-finished", t.lang));
    next(t).ifPresent(id -> t.say(say.get("teach-suggest", t.lang, "title", title(t, id))));
  }

  /** The lessons in the order they are offered: the case studies, then the checklist tour. */
  List<String> lessonIds() {
    List<String> ids = new ArrayList<>();
    kb.caseStudies().forEach(c -> ids.add(c.id()));
    ids.add(CHECKLIST_LESSON);
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
        : kb.caseStudy(lessonId).map(c -> c.title().get(t.lang)).orElse(lessonId);
  }

  /** The question (or checklist step) the learner has reached in {@code lesson}. */
  private static int position(Turn t, String lesson) {
    String at = t.learning.getOrDefault(lesson, "0");
    return DONE.equals(at) ? 0 : Integer.parseInt(at);
  }

  private static String bullets(List<String> lines) {
    return String.join("\n", lines.stream().map(x -> "- " + x).toList());
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
