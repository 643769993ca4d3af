package dev.regdoc.conversation;

import dev.regdoc.knowledge.Lang;
import java.util.List;
import java.util.Optional;

/**
 * Opening a case: takes what the first message already says (device, protocol, when, CUCM version)
 * and asks only for what is still unknown, one question at a time, then hands over to the
 * checklist.
 */
final class Intake {
  private final Phrases say;
  private final ChecklistGuide checklist;

  Intake(Phrases say, ChecklistGuide checklist) {
    this.say = say;
    this.checklist = checklist;
  }

  /** Fills what {@code text} tells about the case. */
  static void absorb(CaseState c, String text) {
    if (c.device == null) {
      CaseDetails.device(text).ifPresent(d -> c.device = d);
    }
    if (c.protocol == null) {
      CaseDetails.protocol(text).ifPresent(p -> c.protocol = p);
    }
    if (c.when == null) {
      CaseDetails.when(text).ifPresent(w -> c.when = w);
    }
    if (c.cucmVersion == null) {
      CaseDetails.version(text).ifPresent(v -> c.cucmVersion = v);
    }
  }

  boolean asking(CaseState c) {
    return c.stage != null && c.stage.asking();
  }

  /** The user's answer to the question the case is waiting on. */
  void answer(Turn t, String text, boolean skip) {
    CaseState c = t.caseState;
    switch (c.stage) {
      case ASK_DEVICE -> {
        Optional<String> d = CaseDetails.device(text);
        if (d.isEmpty() && !skip) {
          t.say(say.get("ask-device-again", t.lang));
          return;
        }
        c.device = d.orElse(CaseState.SKIPPED);
        absorb(c, text);
      }
      case ASK_PROTOCOL ->
          c.protocol =
              skip ? CaseState.SKIPPED : CaseDetails.protocol(text).orElse(CaseState.SKIPPED);
      case ASK_WHEN ->
          c.when = skip ? CaseState.SKIPPED : CaseDetails.when(text).orElse(text.strip());
      case ASK_VERSION ->
          c.cucmVersion = skip ? CaseState.SKIPPED : CaseDetails.version(text).orElse(text.strip());
      default -> {}
    }
    askNext(t);
  }

  /** The protocol button. */
  void protocol(Turn t, String protocol) {
    t.caseState.protocol = protocol;
    if (t.caseState.stage == CaseStage.ASK_PROTOCOL) {
      askNext(t);
    }
  }

  /** Asks the next unknown, or starts the checklist when nothing is missing. */
  void askNext(Turn t) {
    CaseState c = t.caseState;
    if (c.device == null) {
      c.stage = CaseStage.ASK_DEVICE;
      t.say(say.get("ask-device", t.lang));
    } else if (c.protocol == null) {
      c.stage = CaseStage.ASK_PROTOCOL;
      t.add(
          new Block.Choices(
              say.get("ask-protocol", t.lang),
              List.of(
                  new Block.Choice("protocol:SIP", say.get("choice-sip", t.lang)),
                  new Block.Choice("protocol:SCCP", say.get("choice-sccp", t.lang)),
                  new Block.Choice("protocol:-", say.get("choice-unknown", t.lang)))));
    } else if (c.when == null) {
      c.stage = CaseStage.ASK_WHEN;
      t.add(
          new Block.Choices(
              say.get("ask-when", t.lang),
              List.of(new Block.Choice("skip", say.get("choice-skip", t.lang)))));
    } else if (c.cucmVersion == null) {
      c.stage = CaseStage.ASK_VERSION;
      t.add(
          new Block.Choices(
              say.get("ask-version", t.lang),
              List.of(new Block.Choice("skip", say.get("choice-skip", t.lang)))));
    } else {
      c.stage = CaseStage.CHECKLIST;
      t.say(say.get("intake-done", t.lang));
      checklist.showNext(t);
    }
  }

  String summary(CaseState c, Lang lang) {
    String unknown = say.get("unknown-value", lang);
    return say.get(
        "case-summary",
        lang,
        "device",
        shown(c.device, unknown),
        "protocol",
        shown(c.protocol, unknown),
        "when",
        shown(c.when, unknown),
        "version",
        shown(c.cucmVersion, unknown),
        "symptom",
        shown(c.symptom, unknown));
  }

  private static String shown(String v, String unknown) {
    return v == null || CaseState.SKIPPED.equals(v) ? unknown : v;
  }
}
