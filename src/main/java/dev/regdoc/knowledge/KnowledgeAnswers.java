package dev.regdoc.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Answers "explain"-style questions from the knowledge base: a kind (reason, sip, restart, concept,
 * finding, checklist, case, registration-failure) and its argument, or free text matched against
 * the concepts. Used by the command line and by the chat, so both say the same thing.
 */
public final class KnowledgeAnswers {
  private final KnowledgeBase kb;

  public KnowledgeAnswers(KnowledgeBase kb) {
    this.kb = kb;
  }

  /**
   * The answer to {@code words} (first word the kind, the rest its argument), or empty when nothing
   * matches.
   */
  public Optional<String> answer(List<String> words, Lang l) {
    if (words.isEmpty()) {
      return Optional.empty();
    }
    String kind = words.get(0).toLowerCase(Locale.ROOT);
    String arg = words.size() > 1 ? words.get(1) : "";
    String rest = String.join(" ", words.subList(1, words.size()));
    return switch (kind) {
      case "reason" -> number(arg).flatMap(kb::reason).map(r -> reason(r, l));
      case "registration-failure" ->
          number(arg)
              .flatMap(kb::registrationFailure)
              .map(
                  r ->
                      "Registration failure "
                          + r.code()
                          + " "
                          + r.mibName()
                          + "\n"
                          + r.meaning().get(l)
                          + "\n"
                          + label(l, "Check: ", "確認：")
                          + r.check().get(l)
                          + "\n"
                          + kb.registrationFailureCaveat().get(l));
      case "sip" -> number(arg).flatMap(kb::sipStatus).map(s -> sip(s, l));
      case "restart" ->
          (number(arg).isPresent() ? number(arg).flatMap(kb::restartCause) : kb.restartCause(arg))
              .map(r -> restart(r, l));
      case "concept" -> kb.concept(arg).or(() -> kb.findConcept(rest, l)).map(c -> concept(c, l));
      case "finding" ->
          kb.finding(arg)
              .map(
                  f ->
                      f.code()
                          + ": "
                          + f.title().get(l).replaceAll("\\{[A-Za-z]+\\}", "…")
                          + "\n"
                          + f.explanation().get(l).replaceAll("\\{[A-Za-z]+\\}", "…"));
      case "checklist" -> Optional.of(checklist(l));
      case "case" -> kb.caseStudy(arg).map(c -> caseStudy(c, l));
      default ->
          kb.findConcept(String.join(" ", words), l)
              .map(c -> c.title().get(l) + "\n" + c.summary().get(l));
    };
  }

  public String reason(ReasonCode r, Lang l) {
    return (l == Lang.JA ? "理由コード " : "Reason ")
        + r.code()
        + " "
        + name(r.alarmName(), r.mibName())
        + " ("
        + r.nature().name().toLowerCase(Locale.ROOT)
        + ")\n"
        + r.meaning().get(l)
        + "\n"
        + label(l, "Check: ", "確認：")
        + r.check().get(l)
        + (r.note() == null ? "" : "\n" + r.note().get(l));
  }

  public String sip(SipStatus s, Lang l) {
    return "SIP "
        + s.code()
        + " "
        + s.phrase()
        + "\n"
        + s.meaning().get(l)
        + "\n"
        + label(l, "Check: ", "確認：")
        + s.check().get(l);
  }

  public String restart(RestartCause r, Lang l) {
    return r.index()
        + " "
        + r.phoneString()
        + (r.rfoosName() == null ? "" : " / " + r.rfoosName())
        + (r.disputed() ? label(l, " (disputed numbering)", "（番号に諸説あり）") : "")
        + "\n"
        + r.meaning().get(l)
        + r.readings().stream()
            .map(x -> "\n  " + x.source() + ": " + x.meaning().get(l))
            .collect(Collectors.joining());
  }

  public String concept(Concept c, Lang l) {
    return c.title().get(l)
        + "\n"
        + c.summary().get(l)
        + "\n\n"
        + c.detail().get(l)
        + (c.caveat() == null ? "" : "\n\n" + c.caveat().get(l));
  }

  public String checklist(Lang l) {
    return kb.checklist().stream()
        .map(
            s ->
                s.order()
                    + ". "
                    + s.title().get(l)
                    + "\n   "
                    + s.why().get(l)
                    + "\n"
                    + s.how().get(l).stream()
                        .map(h -> "   - " + h)
                        .collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n\n"));
  }

  public String caseStudy(CaseStudy c, Lang l) {
    return c.title().get(l)
        + "\n"
        + c.symptom().get(l)
        + "\n\n"
        + c.rootCause().get(l)
        + "\n\n"
        + c.observations().get(l).stream().map(o -> "- " + o).collect(Collectors.joining("\n"))
        + "\n\n"
        + label(l, "Fix: ", "対処: ")
        + String.join(" ", c.fix().get(l));
  }

  private static Optional<Integer> number(String s) {
    try {
      return Optional.of(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String name(String a, String b) {
    return a != null ? a + " (" + b + ")" : b;
  }

  private static String label(Lang l, String en, String ja) {
    return l == Lang.JA ? ja : en;
  }
}
