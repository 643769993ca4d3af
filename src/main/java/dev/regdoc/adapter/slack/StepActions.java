package dev.regdoc.adapter.slack;

/**
 * The action ids of a checklist step's buttons, as they come back in {@code Incoming.action()}:
 * "step:&lt;id&gt;:done", "step:&lt;id&gt;:skip", "step:&lt;id&gt;:how".
 */
final class StepActions {
  private StepActions() {}

  static String done(String stepId) {
    return "step:" + stepId + ":done";
  }

  static String skip(String stepId) {
    return "step:" + stepId + ":skip";
  }

  static String how(String stepId) {
    return "step:" + stepId + ":how";
  }
}
