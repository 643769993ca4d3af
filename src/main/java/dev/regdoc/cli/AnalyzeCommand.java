package dev.regdoc.cli;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.analysis.Locations;
import dev.regdoc.analysis.ReportJson;
import dev.regdoc.analysis.ReportText;
import dev.regdoc.charts.Pictures;
import dev.regdoc.common.Ahead;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.diagnosis.ApartRuleCompiler;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.ReportedPeriod;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.knowledge.KnowledgeYaml;
import dev.regdoc.knowledge.Lang;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** regdoc analyze: root cause, evidence and fix from any mix of captures, syslog and configs. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Diagnoses why phones unregister: ranked findings with evidence (file, frames, times) and"
            + " the fix.")
final class AnalyzeCommand implements Callable<Integer> {
  enum Format {
    text,
    markdown,
    json
  }

  /** The report's language, by the knowledge base's own tags ("ja", "ja-JP", "EN"). */
  static final class LangTag implements ITypeConverter<Lang> {
    @Override
    public Lang convert(String value) {
      return Lang.fromTag(value)
          .orElseThrow(() -> new TypeConversionException("en or ja, not '" + value + "'"));
    }
  }

  @Mixin InputOptions input = new InputOptions();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, markdown or json (default ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--lang",
      defaultValue = "en",
      converter = LangTag.class,
      description = "en or ja (default ${DEFAULT-VALUE})")
  Lang lang;

  @Option(names = "--rules", paramLabel = "DIR", description = "Rule folder (default: rules/)")
  Path rulesDir;

  @Option(
      names = "--chart",
      paramLabel = "DIR",
      description =
          "Also write PNG pictures there: each faulty phone's timeline and the ladder around the"
              + " top finding")
  Path chartDir;

  @Option(
      names = "--device",
      paramLabel = "ID",
      description = "Only this phone's findings, every one of them (SEP name, MAC or IP)")
  String device;

  @Option(
      names = "--all",
      description =
          "Every finding of every phone, also where many phones share a cause and the answer would"
              + " summarise them")
  boolean all;

  @Option(
      names = "--period",
      paramLabel = "MINUTES",
      description =
          "How often the problem happens, as the user reports it: findings set it against what the"
              + " files show")
  Integer periodMinutes;

  /**
   * From this much input on, rules that must be compiled (a first run after a build or a rule edit)
   * are compiled in a JVM of their own before reading: beside a reading this size the compiler's
   * memory would stay on top of the events'. Below it compiling alongside is quicker and the events
   * are few.
   */
  static final long COMPILE_APART_FROM_BYTES = 64L << 20;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // the rule base and the knowledge base do not depend on the files: both are read on threads of
    // their own while this one reads the files, and waited for where they are first used
    Path ruleFolder = rulesDir != null ? rulesDir : Locations.rules();
    if (totalBytes(input.files) >= COMPILE_APART_FROM_BYTES) {
      // rules compiled beside a large reading would stay in this process's memory: the peak of a
      // first run after a rule edit would exceed the launcher's bound
      ApartRuleCompiler.fill(ruleFolder, DataDir.ruleCache());
    }
    RuleBase rules = RuleBase.loadAhead(ruleFolder, DataDir.ruleCache());
    KnowledgeYaml.keepParsedCopiesIn(DataDir.knowledgeCache());
    Ahead<FindingTexts> knowledge = Ahead.start("knowledge", Texts::load);
    Analyzer analyzer =
        new Analyzer(rules, Reading.textReaders(), input.limits(), input.ports())
            .withTimeLimit(input.timeLimit());
    if (chartDir == null) {
      analyzer = analyzer.withoutEvents(); // only the pictures draw the timeline's events
    }
    if (periodMinutes != null && periodMinutes <= 0) {
      throw new ParameterException(
          spec.commandLine(), "--period takes whole minutes above 0, not " + periodMinutes);
    }
    List<Object> stated =
        periodMinutes == null ? List.of() : List.of(new ReportedPeriod(periodMinutes * 60L));
    Analysis a =
        analyzer.analyze(
            input.files.stream().map(InputFile::of).toList(), ReadProgress.NONE, stated);
    FindingTexts texts = knowledge.get();
    Analysis whole = a;
    a = device != null ? a.forDevice(device) : all ? a.unsummarised() : a;
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> out.println(ReportJson.render(a, texts, lang.key()));
      case markdown -> out.print(ReportText.render(a, texts, lang.key(), true));
      default -> out.print(ReportText.render(a, texts, lang.key(), false));
    }
    if (device != null && a.findings().isEmpty() && format != Format.json) {
      // an empty report about the phone asked for reads like "nothing wrong": say what the files
      // hold
      if (whole.holds(device)) {
        out.println(texts.word("device-no-findings", lang.key(), device));
      } else {
        out.println(texts.word("device-not-in-files", lang.key(), device));
        if (!whole.deviceIds().isEmpty()) {
          out.println(
              texts.word("device-files-hold", lang.key(), String.join(", ", whole.deviceIds())));
        }
      }
    }
    out.flush();
    if (chartDir != null
        && !Pictures.writeAndTell(
            Pictures.forAnalysis(a, lang.key(), texts), chartDir, spec.commandLine().getErr())) {
      return 1;
    }
    return a.anythingRead() ? 0 : 2;
  }

  private static long totalBytes(List<Path> files) {
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.isRegularFile(f) ? Files.size(f) : 0;
      } catch (IOException e) {
        // the reading reports it
      }
    }
    return total;
  }
}
