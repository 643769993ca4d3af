package dev.regdoc.knowledge;

import java.util.List;

/**
 * One step of the log-collection checklist.
 *
 * @param order 1-based position in the checklist
 * @param why the question this step settles
 * @param how exact steps, in order
 * @param settles finding codes this evidence helps to confirm or rule out
 */
public record ChecklistStep(
    String id, int order, Text title, Text why, TextList how, List<String> settles) {
  public ChecklistStep {
    settles = List.copyOf(settles);
  }
}
