package dev.regdoc.conversation;

/** Re-applies one turn's changes on top of a case someone else saved in the meantime. */
final class Merge {
  private Merge() {}

  static void into(CaseState theirs, CaseState mine) {
    theirs.device = pick(mine.device, theirs.device);
    theirs.symptom = pick(mine.symptom, theirs.symptom);
    theirs.protocol = pick(mine.protocol, theirs.protocol);
    theirs.when = pick(mine.when, theirs.when);
    theirs.cucmVersion = pick(mine.cucmVersion, theirs.cucmVersion);
    theirs.stage = pick(mine.stage, theirs.stage);
    theirs.steps.putAll(mine.steps);
    theirs.findingsJson = pick(mine.findingsJson, theirs.findingsJson);
    theirs.attributes.putAll(mine.attributes);
  }

  private static <T> T pick(T mine, T theirs) {
    return mine != null ? mine : theirs;
  }
}
