package dev.regdoc.cli;

import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** regdoc explain: answers from the knowledge base (reason codes, concepts, checklist, findings). */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explains from the knowledge base, e.g.:", "  explain reason 13", "  explain concept delayed-failover",
        "  explain restart 14 | sip 403 | registration-failure 15 | finding proxy-arp | checklist | case case-2-port-security-aging",
        "  explain \"what does delayed failover mean?\""})
final class ExplainCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "WHAT")
  List<String> words;

  @Option(names = "--lang", defaultValue = "en", description = "en or ja (default ${DEFAULT-VALUE})")
  String lang;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    KnowledgeBase kb = KnowledgeBase.loadDefault();
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> answer = answer(kb, l);
    out.println(answer.orElse(l == Lang.JA
        ? "ナレッジベースに該当する項目がありません。例: explain reason 13 / explain concept delayed-failover"
        : "Nothing in the knowledge base matches that. Try: explain reason 13, explain concept delayed-failover, explain checklist"));
    out.flush();
    return answer.isPresent() ? 0 : 1;
  }

  private Optional<String> answer(KnowledgeBase kb, Lang l) {
    String kind = words.get(0).toLowerCase();
    String arg = words.size() > 1 ? words.get(1) : "";
    return switch (kind) {
      case "reason" -> number(arg).flatMap(kb::reason).map(r -> "Reason " + r.code() + " " + name(r.alarmName(), r.mibName())
          + " (" + r.nature().name().toLowerCase() + ")\n" + r.meaning().get(l) + "\n" + label(l, "Check", "確認") + r.check().get(l)
          + (r.note() == null ? "" : "\n" + r.note().get(l)));
      case "registration-failure" -> number(arg).flatMap(kb::registrationFailure).map(r -> "Registration failure " + r.code() + " "
          + r.mibName() + "\n" + r.meaning().get(l) + "\n" + label(l, "Check", "確認") + r.check().get(l)
          + "\n" + kb.registrationFailureCaveat().get(l));
      case "sip" -> number(arg).flatMap(kb::sipStatus).map(s -> "SIP " + s.code() + " " + s.phrase() + "\n" + s.meaning().get(l)
          + "\n" + label(l, "Check", "確認") + s.check().get(l));
      case "restart" -> (number(arg).isPresent() ? number(arg).flatMap(kb::restartCause) : kb.restartCause(arg))
          .map(r -> r.index() + " " + r.phoneString() + (r.rfoosName() == null ? "" : " / " + r.rfoosName())
              + (r.disputed() ? label(l, " (disputed numbering)", "（番号に諸説あり）") : "") + "\n" + r.meaning().get(l)
              + r.readings().stream().map(x -> "\n  " + x.source() + ": " + x.meaning().get(l)).reduce("", String::concat));
      case "concept" -> kb.concept(arg).or(() -> kb.findConcept(String.join(" ", words.subList(1, words.size())), l))
          .map(c -> c.title().get(l) + "\n" + c.summary().get(l) + "\n\n" + c.detail().get(l)
              + (c.caveat() == null ? "" : "\n\n" + c.caveat().get(l)));
      case "finding" -> kb.finding(arg).map(f -> f.code() + ": " + f.title().get(l).replaceAll("\\{[A-Za-z]+\\}", "…") + "\n"
          + f.explanation().get(l).replaceAll("\\{[A-Za-z]+\\}", "…"));
      case "checklist" -> Optional.of(kb.checklist().stream().map(s -> s.order() + ". " + s.title().get(l) + "\n   "
          + s.why().get(l) + "\n" + s.how().get(l).stream().map(h -> "   - " + h).reduce((a, b) -> a + "\n" + b).orElse(""))
          .reduce((a, b) -> a + "\n\n" + b).orElse(""));
      case "case" -> kb.caseStudy(arg).map(c -> c.title().get(l) + "\n" + c.symptom().get(l) + "\n\n" + c.rootCause().get(l)
          + "\n\n" + c.observations().get(l).stream().map(o -> "- " + o).reduce((a, b) -> a + "\n" + b).orElse("")
          + "\n\n" + label(l, "Fix: ", "対処: ") + String.join(" ", c.fix().get(l)));
      default -> kb.findConcept(String.join(" ", words), l).map(c -> c.title().get(l) + "\n" + c.summary().get(l));
    };
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
    return l == Lang.JA ? ja + (ja.endsWith("：") || ja.endsWith(" ") ? "" : "：") : en + (en.endsWith(" ") || en.endsWith(")") ? "" : ": ");
  }
}
