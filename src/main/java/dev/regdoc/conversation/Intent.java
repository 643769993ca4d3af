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
    LANG,
    SKIP,
    REASON,
    SIP_STATUS,
    RESTART,
    NONE
  }

  static Intent of(Kind k) {
    return new Intent(k, null);
  }
}
