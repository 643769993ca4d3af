package dev.regdoc.conversation;

import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Text;
import java.util.List;
import java.util.Optional;

/**
 * One lesson of "teach me" ({@link Teacher} walks it): a case study of the knowledge base or a
 * fault of the rule base. It says what it is about, then its steps one at a time, then how it ends.
 */
interface Lesson {
  String id();

  String title(Lang lang);

  /** What the lesson says before its first step: the story, and its files. */
  void intro(Turn t);

  /** The steps in order; an exercise whose key the analysis does not give is left out. */
  List<LessonStep> steps();

  /** How the lesson ends, after its last step: regdoc's analysis of its files, and the fix. */
  void conclude(Turn t);

  /** What the key point or exercise {@code point} asks of an answer, for the progress report. */
  default Optional<Text> pointText(String point) {
    for (LessonStep s : steps()) {
      if (s instanceof LessonStep.Question q) {
        for (LessonGuides.KeyPoint p : q.points()) {
          if (p.id().equals(point)) {
            return Optional.of(p.missed());
          }
        }
      } else if (s instanceof LessonStep.Drill d && d.exercise().id().equals(point)) {
        return Optional.of(d.exercise().ask());
      }
    }
    return Optional.empty();
  }
}
