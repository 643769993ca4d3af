package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.LessonGuide;
import dev.regdoc.conversation.LessonGuides.QuestionGuide;
import dev.regdoc.knowledge.CaseStudy;
import dev.regdoc.knowledge.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A case study of the knowledge base as a lesson: its symptom and what was collected, its questions
 * (judged by the key points of its teaching guide, when it has one), the guide's find-the-frame
 * exercises, then regdoc's analysis of its files, the root cause and the fix.
 */
final class CaseStudyLesson extends StepsBuiltOnce {
  private final CaseStudy study;
  private final Optional<LessonGuide> guide;
  private final LessonKit kit;

  CaseStudyLesson(CaseStudy study, Optional<LessonGuide> guide, LessonKit kit) {
    this.study = study;
    this.guide = guide;
    this.kit = kit;
  }

  @Override
  public String id() {
    return study.id();
  }

  @Override
  public String title(Lang lang) {
    return study.title().get(lang);
  }

  @Override
  public void intro(Turn t) {
    t.say(
        kit.say.get(
            "lesson-intro",
            t.lang,
            "title",
            study.title().get(t.lang),
            "symptom",
            study.symptom().get(t.lang)));
    t.say(LessonKit.bullets(study.collected().get(t.lang)));
    kit.offerFiles(t, id());
  }

  @Override
  protected List<LessonStep> build() {
    List<LessonStep> out = new ArrayList<>();
    List<QuestionGuide> guided = guide.map(LessonGuide::questions).orElse(List.of());
    for (int i = 0; i < study.questions().size(); i++) {
      CaseStudy.Question q = study.questions().get(i);
      out.add(
          i < guided.size()
              ? new LessonStep.Question(
                  q.q(), guided.get(i).hint(), guided.get(i).points(), List.of(), q.a())
              : new LessonStep.Question(q.q(), null, List.of(), List.of(), q.a()));
    }
    List<Exercise> exercises = guide.map(LessonGuide::exercises).orElse(List.of());
    if (!exercises.isEmpty()) {
      Analysis a = kit.analysisOf(id());
      for (Exercise e : exercises) {
        ExerciseKey.of(a, e)
            .filter(k -> e.isFrame() || k.delay() != null)
            .ifPresent(k -> out.add(new LessonStep.Drill(e, k)));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void conclude(Turn t) {
    kit.showAnalysis(t, id());
    t.say(kit.say.get("lesson-root-cause", t.lang, "cause", study.rootCause().get(t.lang)));
    t.say(LessonKit.bullets(study.fix().get(t.lang)));
  }
}
