package dev.regdoc.cli;

import dev.regdoc.common.Ahead;
import dev.regdoc.knowledge.KnowledgeAnswers;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.KnowledgeYaml;
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

/**
 * regdoc explain: answers from the knowledge base (reason codes, concepts, checklist, findings).
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains from the knowledge base, e.g.:",
      "  explain reason 13",
      "  explain concept delayed-failover",
      "  explain restart 14 | sip 403 | registration-failure 15 | finding proxy-arp | checklist |"
          + " case case-2-port-security-aging",
      "  explain \"what does delayed failover mean?\""
    })
final class ExplainCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "WHAT")
  List<String> words;

  @Option(
      names = "--lang",
      defaultValue = "en",
      description = "en or ja (default ${DEFAULT-VALUE})")
  String lang;

  @Spec CommandSpec spec;

  /** The knowledge base being read ahead, or null to read it when the command runs. */
  private final Ahead<KnowledgeBase> knowledge;

  ExplainCommand() {
    this.knowledge = null;
  }

  private ExplainCommand(Ahead<KnowledgeBase> knowledge) {
    this.knowledge = knowledge;
  }

  /**
   * explain with its knowledge base already being read on a thread of its own, for a command line
   * that names it: picocli's building of the command (about a fifth of explain's start) and the
   * reading (most of the rest) then share the two cores. The knowledge base depends on no option.
   */
  static ExplainCommand readingAhead() {
    return new ExplainCommand(Ahead.start("knowledge", ExplainCommand::load));
  }

  boolean readsAhead() {
    return knowledge != null;
  }

  private static KnowledgeBase load() {
    KnowledgeYaml.keepParsedCopiesIn(DataDir.knowledgeCache());
    return KnowledgeBase.loadDefault();
  }

  @Override
  public Integer call() {
    KnowledgeBase kb = knowledge != null ? knowledge.get() : load();
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> answer = answer(kb, l);
    out.println(
        answer.orElse(
            l == Lang.JA
                ? "ナレッジベースに該当する項目がありません。例: explain reason 13 / explain concept delayed-failover"
                : "Nothing in the knowledge base matches that. Try: explain reason 13, explain"
                    + " concept delayed-failover, explain checklist"));
    out.flush();
    return answer.isPresent() ? 0 : 1;
  }

  private Optional<String> answer(KnowledgeBase kb, Lang l) {
    return new KnowledgeAnswers(kb).answer(words, l);
  }
}
