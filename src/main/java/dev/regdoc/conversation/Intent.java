package dev.regdoc.conversation;

/** What a line of text asks for; {@code arg} is the number, device or words it carries, or null. */
record Intent(Kind kind, String arg) {
  enum Kind {
    HELP,
    NEW_CASE,
    JOIN_CASE,
    CHECKLIST,
    FINDINGS,
    DEVICE_FINDINGS,
    STEP_DONE,
    STEP_SKIP,
    STEP_HOW,
    TIMELINE,
    TEACH,
    STOP_LESSON,
    PROGRESS,
    LANG,
    SKIP,
    REASON,
    SIP_STATUS,
    RESTART,
    NONE;

    /**
     * Whether the text is a command even during a lesson; anything else there is the learner's
     * answer, even when it mentions a reason code or the timeline.
     */
    boolean leavesLesson() {
      return switch (this) {
        case HELP, NEW_CASE, JOIN_CASE, TEACH, STOP_LESSON, PROGRESS, LANG -> true;
        default -> false;
      };
    }
  }

  static Intent of(Kind k) {
    return new Intent(k, null);
  }
}
