package dev.regdoc.conversation;

import dev.regdoc.conversation.LessonGuides.Exercise;
import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.knowledge.Text;
import java.util.List;

/** One step of a lesson: a question judged by its key points, or an exercise on its files. */
sealed interface LessonStep {

  /**
   * A question answered in the learner's words.
   *
   * @param hint for "I don't know"; null when the question has no key points
   * @param points what a good answer says; empty: the model answer is shown without judging
   * @param rivals what a wrong answer says instead (a look-alike named): told as such when the
   *     answer does not make the first point (the fault), never counted as made
   * @param answer the model answer
   */
  record Question(Text ask, Text hint, List<KeyPoint> points, List<KeyPoint> rivals, Text answer)
      implements LessonStep {}

  /** A find-the-frame (or measure) exercise with its key from regdoc's analysis. */
  record Drill(Exercise exercise, ExerciseKey key) implements LessonStep {}
}
