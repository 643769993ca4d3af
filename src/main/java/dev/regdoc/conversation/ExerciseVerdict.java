package dev.regdoc.conversation;

import dev.regdoc.conversation.LessonGuides.Exercise;
import java.util.List;
import java.util.Locale;

/** How an answer to an exercise compares with its key. */
enum ExerciseVerdict {
  RIGHT,
  NEAR,
  WRONG,
  NO_ANSWER;

  /**
   * A frame answer names the frame (and may name the file, else the exercise's); a measure answer
   * gives seconds, right within the exercise's tolerance.
   */
  static ExerciseVerdict of(Exercise e, ExerciseKey key, String text, List<String> lessonFiles) {
    if (!e.isFrame()) {
      Double v = AnswerJudge.firstNumber(text);
      return v == null
          ? NO_ANSWER
          : Math.abs(v - key.delay()) <= e.tolerance() + 1e-9 ? RIGHT : WRONG;
    }
    String file = e.file();
    String rest = text;
    for (String f : lessonFiles) {
      int i = rest.toLowerCase(Locale.ROOT).indexOf(f.toLowerCase(Locale.ROOT));
      if (i >= 0) {
        file = f;
        rest = rest.substring(0, i) + " " + rest.substring(i + f.length());
      }
    }
    Double n = AnswerJudge.firstNumber(rest);
    if (n == null || n != Math.rint(n)) {
      return NO_ANSWER;
    }
    String given = file + "#" + n.longValue();
    if (given.equals(key.file() + "#" + key.frame())) {
      return RIGHT;
    }
    return key.copies().contains(given) ? NEAR : WRONG;
  }
}
