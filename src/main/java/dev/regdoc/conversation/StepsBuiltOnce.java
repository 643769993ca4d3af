package dev.regdoc.conversation;

import java.util.List;

/**
 * A lesson whose steps are built once, on first use: building them may analyse the lesson's files
 * (a fault lesson's proof exercise), which the menu and the progress report never need.
 */
abstract class StepsBuiltOnce implements Lesson {
  private volatile List<LessonStep> steps;

  @Override
  public final List<LessonStep> steps() {
    List<LessonStep> s = steps;
    if (s == null) {
      s = build();
      steps = s;
    }
    return s;
  }

  /** The steps, in order; called once per lesson (a race may call it twice, with equal results). */
  protected abstract List<LessonStep> build();
}
