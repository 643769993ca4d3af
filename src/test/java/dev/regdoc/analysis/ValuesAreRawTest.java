package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the rules pass into an answer is raw: numbers, booleans, ids (addresses, MACs, interface
 * names, codes, protocol tokens) and lists of them, never words of a language; the knowledge base
 * words them per language. Checked on the findings of every fixture and lab scenario, and on their
 * Japanese answers, which must not carry the English that values used to bring (units, "the phone's
 * switch port", "never followed by success").
 */
class ValuesAreRawTest {
  /**
   * A token of plain lowercase letters. One alone is an id ("inside", a nameif; "description", how
   * a port was found); two or more make a phrase of English.
   */
  private static final Pattern ENGLISH_WORD = Pattern.compile("[a-z]++(?:'[a-z]++)?+");

  /** A number with an English unit after it: "18.0 min", "0.33 s". */
  private static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile("\\d++(?:\\.\\d++)?+ ?+(?:s|ms|min|sec|seconds?+|minutes?+)\\b");

  private static final List<String> ENGLISH_FROM_VALUES =
      List.of(" min", "minutes", "seconds", "never followed", "phone's", "no reason code");

  private static final List<Analysis> analyses = new ArrayList<>();
  private static KnowledgeTexts texts;

  @BeforeAll
  static void analyseEveryFixture() throws IOException {
    Analyzer analyzer =
        new Analyzer(
            RuleBase.load(Path.of("rules")),
            TextReaders.defaults(),
            IngestLimits.defaults(),
            SignalingPorts.defaults());
    texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures"))) {
      s.filter(Files::isDirectory)
          .filter(d -> !d.getFileName().toString().equals("lab"))
          .forEach(folders::add);
    }
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures/lab"))) {
      s.filter(Files::isDirectory)
          .filter(d -> Files.exists(d.resolve("phone.pcap")) || Files.exists(d.resolve("arp.pcap")))
          .forEach(folders::add);
    }
    for (Path d : folders.stream().sorted().toList()) {
      try (Stream<Path> s = Files.list(d)) {
        analyses.add(
            analyzer.analyze(
                s.filter(p -> !p.toString().endsWith("README.md"))
                    .sorted()
                    .map(InputFile::of)
                    .toList()));
      }
    }
  }

  @Test
  void everyValueArgumentAndRivalArgumentIsRaw() {
    List<String> words = new ArrayList<>();
    int findings = 0;
    for (Analysis a : analyses) {
      for (Finding f : a.findings()) {
        findings++;
        f.values().forEach((k, v) -> collect(f.code() + " value " + k, v, words));
        for (Evidence e : f.evidence()) {
          e.args().forEach(x -> collect(f.code() + " note " + e.note(), x, words));
        }
        for (RuledOut r : f.ruledOut()) {
          r.args().forEach(x -> collect(f.code() + " rival " + r.why(), x, words));
        }
      }
    }
    assertThat(findings).as("findings checked").isGreaterThan(50);
    assertThat(words).as("English words in values").isEmpty();
  }

  @Test
  void japaneseAnswersCarryNoEnglishFromValues() {
    for (Analysis a : analyses) {
      StringBuilder ja = new StringBuilder();
      for (Finding f : a.findings()) {
        var t = texts.textOf(f, "ja");
        ja.append(t.title()).append('\n').append(t.explanation()).append('\n');
        t.fix().forEach(x -> ja.append(x).append('\n'));
        f.evidence().forEach(e -> ja.append(texts.note(e, "ja")).append('\n'));
        f.ruledOut().forEach(r -> ja.append(texts.ruledOut(r, "ja")).append('\n'));
      }
      for (String english : ENGLISH_FROM_VALUES) {
        assertThat(ja.toString()).as("Japanese answer").doesNotContain(english);
      }
    }
  }

  private static void collect(String where, Object v, List<String> words) {
    if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> collect(where, x, words));
    } else if (v instanceof List<?> xs) {
      xs.forEach(x -> collect(where, x, words));
    } else if (v instanceof String s) {
      long plain =
          Stream.of(s.split("[\\s,;()\"]++"))
              .filter(t -> ENGLISH_WORD.matcher(t).matches())
              .count();
      if (plain >= 2 || NUMBER_WITH_UNIT.matcher(s).find()) {
        words.add(where + ": \"" + s + "\"");
      }
    }
  }
}
