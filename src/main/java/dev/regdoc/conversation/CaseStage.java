package dev.regdoc.conversation;

import java.util.Arrays;

/**
 * Where the conversation stands in a case: which intake question it waits on, or the checklist. The
 * id is what the case store keeps.
 */
enum CaseStage {
  ASK_DEVICE("ask-device"),
  ASK_PROTOCOL("ask-protocol"),
  ASK_WHEN("ask-when"),
  ASK_VERSION("ask-version"),
  CHECKLIST("checklist");

  private final String id;

  CaseStage(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** Waiting for the answer to an intake question. */
  boolean asking() {
    return this != CHECKLIST;
  }

  /** The stage a stored id names; null for none or one this version does not know. */
  static CaseStage fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElse(null);
  }

  /** The id to store, null for no stage. */
  static String idOf(CaseStage stage) {
    return stage == null ? null : stage.id;
  }
}
