package dev.regdoc.conversation;

import dev.regdoc.common.WholeNumbers;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import java.util.List;
import java.util.Optional;

/**
 * The source document's collection checklist, from the knowledge base: one step at a time, done /
 * skipped / how.
 */
final class ChecklistGuide {
  static final String DONE = "done";
  private static final String SKIPPED = "skipped";
  private final KnowledgeBase kb;
  private final Phrases say;

  ChecklistGuide(KnowledgeBase kb, Phrases say) {
    this.kb = kb;
    this.say = say;
  }

  Optional<ChecklistStep> nextOpen(CaseState c) {
    return kb.checklist().stream().filter(s -> !c.steps.containsKey(s.id())).findFirst();
  }

  /** Shows the first open step with its buttons, or says the checklist is complete. */
  void showNext(Turn t) {
    Optional<ChecklistStep> next = nextOpen(t.caseState);
    if (next.isEmpty()) {
      t.say(say.get("checklist-complete", t.lang));
      return;
    }
    show(t, next.get(), false);
  }

  /** One step; with {@code how} its exact instructions, else only what and why. */
  void show(Turn t, ChecklistStep s, boolean how) {
    t.say(
        say.get(
            "next-step",
            t.lang,
            "order",
            s.order(),
            "total",
            kb.checklist().size(),
            "title",
            s.title().get(t.lang)));
    t.add(step(t, s, how ? s.how().get(t.lang) : List.of()));
    t.add(buttons(s, t.lang));
  }

  /** One step as its card (what, why and how) and buttons, with no line introducing it. */
  void card(Turn t, ChecklistStep s) {
    t.add(step(t, s, s.how().get(t.lang)));
    t.add(buttons(s, t.lang));
  }

  Block.Choices buttons(ChecklistStep s, Lang lang) {
    return new Block.Choices(
        null,
        List.of(
            new Block.Choice("step:done:" + s.id(), say.get("choice-done", lang)),
            new Block.Choice("step:skip:" + s.id(), say.get("choice-skip", lang)),
            new Block.Choice("step:how:" + s.id(), say.get("choice-how", lang))));
  }

  /** The whole checklist with each step's state, then the next open one in full. */
  void overview(Turn t) {
    for (ChecklistStep s : kb.checklist()) {
      t.add(step(t, s, List.of()));
    }
    nextOpen(t.caseState).ifPresent(s -> t.add(buttons(s, t.lang)));
  }

  /**
   * What a step's button or command asks: its instructions (STEP_HOW), or marking it done
   * (STEP_DONE) or skipped.
   */
  void act(Turn t, ChecklistStep s, Intent.Kind kind) {
    if (kind == Intent.Kind.STEP_HOW) {
      show(t, s, true);
    } else {
      mark(t, s, kind == Intent.Kind.STEP_DONE ? DONE : SKIPPED);
    }
  }

  private void mark(Turn t, ChecklistStep s, String state) {
    t.caseState.steps.put(s.id(), state);
    t.say(
        say.get(
            DONE.equals(state) ? "step-done" : "step-skipped",
            t.lang,
            "title",
            s.title().get(t.lang)));
    showNext(t);
  }

  /**
   * A step by its number in the checklist as typed; empty for any number no step has, however long.
   */
  Optional<ChecklistStep> byNumber(String number) {
    return WholeNumbers.within(number, 1, kb.checklist().size()).stream()
        .boxed()
        .flatMap(n -> kb.checklist().stream().filter(s -> s.order() == n))
        .findFirst();
  }

  private static Block.Step step(Turn t, ChecklistStep s, List<String> how) {
    return new Block.Step(
        s.id(), s.order(), s.title().get(t.lang), s.why().get(t.lang), how, state(t.caseState, s));
  }

  private static String state(CaseState c, ChecklistStep s) {
    String st = c == null ? null : c.steps.get(s.id());
    return st == null ? "open" : st;
  }
}
