package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.knowledge.EvidenceNotes;
import dev.regdoc.knowledge.FindingEntry;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.SummaryTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules, knowledge base and fixtures agree: no code without texts, no texts without a rule, no rule
 * without a fixture.
 */
class RulesKnowledgeConsistencyTest {
  private static final Pattern CODE = Pattern.compile("Finding\\.of\\(\"([a-z-]+)\"");
  private static final Pattern STEP = Pattern.compile("value\\(\"step\", \"([a-z-]+)\"\\)");
  private static KnowledgeBase kb;
  private static RuleBase rules;
  private static Set<String> fired;
  private static List<Finding> all;

  /**
   * The codes each fixture's answer holds: "case-study-2", "lab/port-security-aging" (all its
   * files).
   */
  private static final Map<String, Set<String>> CODES_BY_FIXTURE = new TreeMap<>();

  @BeforeAll
  static void runEveryFixture() throws IOException {
    kb = KnowledgeBase.load(Path.of("knowledge-base"));
    rules = RuleBase.load(Path.of("rules"));
    Analyzer analyzer =
        new Analyzer(
            rules, TextReaders.defaults(), IngestLimits.defaults(), SignalingPorts.defaults());
    fired = new TreeSet<>();
    all = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/fixtures"))) {
      // lab/ is a folder of recorded scenarios with their own manifest, not one fixture
      for (Path d : dirs.filter(d -> !d.getFileName().toString().equals("lab")).sorted().toList()) {
        try (Stream<Path> s = Files.list(d)) {
          Analysis a =
              analyzer.analyze(
                  s.filter(p -> !p.toString().endsWith("README.md"))
                      .sorted()
                      .map(InputFile::of)
                      .toList());
          List<Finding> f = a.findings();
          CODES_BY_FIXTURE.put(d.getFileName().toString(), codes(a));
          fired.addAll(a.rulesFired());
          a.summaries().forEach(x -> fired.add(x.rule()));
          all.addAll(f);
        }
      }
    }
    // the lab's scenarios count too, on the input subsets its manifest judges, with both
    // captures but no configuration (which some rules answer differently), and with the CUCM's
    // own capture alone
    List<List<String>> subsets =
        List.of(
            FaultManifest.LAB_INPUTS,
            List.of("phone.pcap", "switch-config.txt", "asa-config.txt"),
            List.of("phone.pcap", "cucm.pcap"),
            List.of("phone.pcap", "arp.pcap"),
            List.of("cucm.pcap"));
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/fixtures/lab"))) {
      for (Path d :
          dirs.filter(Files::isDirectory)
              .filter(d -> !d.getFileName().toString().equals("events"))
              .sorted()
              .toList()) {
        for (List<String> names : subsets) {
          List<InputFile> files =
              names.stream().map(d::resolve).filter(Files::exists).map(InputFile::of).toList();
          if (!files.isEmpty()) {
            Analysis a = analyzer.analyze(files);
            String key = "lab/" + d.getFileName();
            CODES_BY_FIXTURE.put(
                CODES_BY_FIXTURE.containsKey(key)
                    ? key
                        + " with "
                        + String.join("+", files.stream().map(InputFile::name).toList())
                    : key,
                codes(a));
            fired.addAll(a.rulesFired());
            all.addAll(a.findings());
          }
        }
      }
    }
  }

  /** Every code of the answer, summarised ones included. */
  private static Set<String> codes(Analysis a) {
    Set<String> out = new TreeSet<>();
    a.findings().forEach(f -> out.add(f.code()));
    a.summaries().forEach(x -> out.add(x.code()));
    return out;
  }

  /** The codes the rules can emit: every Finding.of, and undetermined. */
  private static Set<String> emitted() throws IOException {
    Set<String> made = new TreeSet<>(grep(CODE));
    if (!grep(Pattern.compile("Finding\\.of\\(Finding\\.(UNDETERMINED)")).isEmpty()) {
      made.add(Finding.UNDETERMINED);
    }
    return made;
  }

  /**
   * The fault manifest names, for every code the rules can emit and no other, the fixtures whose
   * answer holds it and the look-alikes whose answer must not; each is checked on the answers
   * gathered above.
   */
  @Test
  void theFaultManifestListsEveryCodeWithFixturesThatShowItAndLookAlikesThatDoNot()
      throws IOException {
    FaultManifest manifest = FaultManifest.load(Path.of(FaultManifest.PATH));
    assertThat(manifest.codes())
        .as(FaultManifest.PATH)
        .containsExactlyInAnyOrderElementsOf(emitted());
    for (FaultManifest.Fault f : manifest.faults()) {
      assertThat(f.foundIn()).as("%s: found-in", f.code()).isNotEmpty();
      assertThat(f.notIn()).as("%s: not-in", f.code()).isNotEmpty();
      for (String fixture : f.foundIn()) {
        assertThat(CODES_BY_FIXTURE).as("fixture %s of %s", fixture, f.code()).containsKey(fixture);
        assertThat(CODES_BY_FIXTURE.get(fixture))
            .as("the answer to %s holds %s", fixture, f.code())
            .contains(f.code());
      }
      for (String fixture : f.notIn()) {
        assertThat(CODES_BY_FIXTURE).as("fixture %s of %s", fixture, f.code()).containsKey(fixture);
        assertThat(CODES_BY_FIXTURE.get(fixture))
            .as("the answer to look-alike %s does not hold %s", fixture, f.code())
            .doesNotContain(f.code());
      }
    }
  }

  /**
   * The README's list of finding codes (the JSON contract) is written from the fault manifest,
   * which the test above holds to exactly what the rules can emit: a new fault's manifest line adds
   * it.
   */
  @Test
  void theReadmeListsExactlyTheCodesOfTheFaultManifest() throws IOException {
    MarkedSection codes = new MarkedSection(Path.of("README.md"), "finding-codes");
    List<String> manifest = FaultManifest.load(Path.of(FaultManifest.PATH)).codes();
    List<String> quoted = manifest.stream().map(c -> "`" + c + "`").toList();
    String expected = "\n" + wrapped(quoted, ", ", 105) + ".\n";
    assertThat(codes.refreshedWith(expected)).as(codes.stale()).isEqualTo(expected);
    assertThat(new TreeSet<>(manifest)).isEqualTo(emitted());
  }

  /** Items joined by {@code sep}, a line break before an item that would pass {@code width}. */
  private static String wrapped(List<String> items, String sep, int width) {
    StringBuilder out = new StringBuilder();
    int line = 0;
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i < items.size() - 1 ? sep.strip() : "");
      if (line > 0 && line + 1 + item.length() > width) {
        out.append('\n');
        line = 0;
      } else if (line > 0) {
        out.append(' ');
        line++;
      }
      out.append(item);
      line += item.length();
    }
    return out.toString();
  }

  private static final Pattern HEADING = Pattern.compile("(?m)^## (\\S+)$");

  /**
   * knowledge-base/README.md describes the files as they are: a section per YAML file and folder of
   * the knowledge base and none for a file that does not exist, and its table of finding codes and
   * their values is written from the manifest's codes and each code's {@code findings/<code>.yaml}.
   */
  @Test
  void theKnowledgeBaseReadmeDescribesItsFilesAndEveryCode() throws IOException {
    Path kbDir = Path.of("knowledge-base");
    String readme = Files.readString(kbDir.resolve("README.md"));
    Set<String> sections = new TreeSet<>();
    Matcher h = HEADING.matcher(readme);
    while (h.find()) {
      if (h.group(1).endsWith(".yaml") || h.group(1).endsWith("/")) {
        sections.add(h.group(1));
      }
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(kbDir)) {
      s.forEach(
          p -> {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
              present.add(name + "/");
            } else if (name.endsWith(".yaml")) {
              present.add(name);
            }
          });
    }
    assertThat(sections).as("'## <file>' sections of knowledge-base/README.md").isEqualTo(present);
    StringBuilder table = new StringBuilder("\n| code | values |\n|---|---|\n");
    for (String code : FaultManifest.load(Path.of(FaultManifest.PATH)).codes()) {
      List<String> values = kb.finding(code).map(FindingEntry::values).orElse(List.of());
      table
          .append("| ")
          .append(code)
          .append(" | ")
          .append(values.isEmpty() ? "(none)" : String.join(", ", values))
          .append(" |\n");
    }
    MarkedSection codes = new MarkedSection(kbDir.resolve("README.md"), "finding-values");
    assertThat(codes.refreshedWith(table.toString())).as(codes.stale()).isEqualTo(table.toString());
  }

  private static Set<String> grep(Pattern p) throws IOException {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.list(Path.of("rules"))) {
      for (Path f : s.filter(x -> x.toString().endsWith(".drl")).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  @Test
  void everyCodeARuleCanProduceHasTextsInBothLanguages() throws IOException {
    Set<String> codes = grep(CODE);
    assertThat(codes).hasSizeGreaterThanOrEqualTo(15);
    for (String code : codes) {
      var f = kb.finding(code);
      assertThat(f).as("knowledge-base entry for %s", code).isPresent();
      for (Lang l : Lang.values()) {
        assertThat(f.get().title().get(l)).as("%s title %s", code, l).isNotBlank();
        assertThat(f.get().explanation().get(l)).as("%s explanation %s", code, l).isNotBlank();
      }
    }
  }

  private static final Pattern RIVAL =
      Pattern.compile("\\.(?:ruledOut|candidate)\\(\\s*+\"([a-z][a-z-]*+)\"");

  @Test
  void everyCodeCanBeSummarisedInBothLanguages() throws IOException {
    SummaryTexts summaries = SummaryTexts.load(Path.of("knowledge-base"));
    assertThat(summaries.causeCodes()).containsExactlyInAnyOrderElementsOf(kb.findingCodes());
    assertThat(grep(CODE)).allSatisfy(code -> assertThat(summaries.causeCodes()).contains(code));
  }

  /** Every rival a rule rules out or names as a candidate has a name to be weighed by. */
  @Test
  void everyRivalAndCandidateHasANameInBothLanguages() throws IOException {
    SummaryTexts summaries = SummaryTexts.load(Path.of("knowledge-base"));
    Set<String> named = new TreeSet<>(grep(RIVAL));
    assertThat(named).contains("random-loss", "port-security-aging", "idle-connection-teardown");
    assertThat(summaries.rivalCodes()).containsAll(named);
  }

  @Test
  void noKnowledgeBaseFindingIsOrphaned() throws IOException {
    assertThat(emitted()).containsAll(kb.findingCodes());
  }

  @Test
  void everyChecklistStepARuleAsksForExists() throws IOException {
    for (String step : grep(STEP)) {
      assertThat(kb.checklistStep(step)).as("checklist step %s", step).isPresent();
    }
  }

  @Test
  void everyRuleFiresInAtLeastOneFixture() {
    assertThat(rules.ruleNames())
        .allSatisfy(r -> assertThat(fired).as("fixtures firing rule \"%s\"", r).contains(r));
  }

  @Test
  void everyEvidenceNoteCitedHasTextsInBothLanguagesAndNoNoteIsOrphaned() throws IOException {
    EvidenceNotes notes = EvidenceNotes.load(Path.of("knowledge-base"));
    Set<String> cited = new TreeSet<>();
    all.forEach(f -> f.evidence().forEach(e -> cited.add(e.note())));
    assertThat(notes.keys()).containsAll(cited);
    // a note is used where a rule cites evidence, says why a rival is ruled out, or says why an
    // item decides
    Set<String> inRules = grep(Pattern.compile("cite\\([^;]*?\"([a-z]+(?:-[a-z0-9]+)+)\""));
    inRules.addAll(grep(Pattern.compile("ruledOut\\(\"[a-z-]+\", \"([a-z]+(?:-[a-z0-9]+)+)\"")));
    inRules.addAll(grep(Pattern.compile("value\\(\"decides\", \"([a-z]+(?:-[a-z0-9]+)+)\"")));
    assertThat(notes.keys()).containsAll(inRules);
    assertThat(inRules).containsAll(notes.keys());
    KnowledgeTexts texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    for (Finding f : all) {
      for (Evidence e : f.evidence()) {
        assertThat(texts.note(e, "ja"))
            .as("%s %s", f.code(), e.note())
            .doesNotContain("?")
            .isNotEqualTo(e.note());
      }
    }
  }

  @Test
  void everyFindingOfEveryFixtureRendersWithoutMissingValues() {
    KnowledgeTexts texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    for (Finding f : all) {
      for (String lang : List.of("en", "ja")) {
        FindingText t = texts.textOf(f, lang);
        assertThat(t.title() + t.explanation() + String.join("", t.fix()))
            .as("%s %s %s", f.code(), f.device(), lang)
            .doesNotContain("{")
            .doesNotContain(" ? ")
            .doesNotContain("(?")
            .doesNotContain("?)");
      }
    }
  }

  /**
   * A token of plain lowercase letters. One alone is an id ("inside", a nameif; "description", how
   * a port was found); two or more make a phrase of English.
   */
  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]++(?:'[a-z]++)?+");

  /** A number with an English unit after it: "18.0 min", "0.33 s". */
  private static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile("\\d++(?:\\.\\d++)?+ ?+(?:s|ms|min|sec|seconds?+|minutes?+)\\b");

  /**
   * What the rules pass into an answer is raw: numbers, booleans, ids (addresses, MACs, interface
   * names, codes, protocol tokens) and lists of them, never words of a language; the knowledge base
   * words them per language.
   */
  @Test
  void everyValueArgumentAndRivalArgumentIsRaw() {
    List<String> words = new ArrayList<>();
    for (Finding f : all) {
      f.values().forEach((k, v) -> rawOrNot(f.code() + " value " + k, v, words));
      f.evidence()
          .forEach(e -> e.args().forEach(x -> rawOrNot(f.code() + " note " + e.note(), x, words)));
      f.ruledOut()
          .forEach(r -> r.args().forEach(x -> rawOrNot(f.code() + " rival " + r.why(), x, words)));
    }
    assertThat(all.size()).as("findings checked").isGreaterThan(50);
    assertThat(words).as("English words in values").isEmpty();
  }

  private static void rawOrNot(String where, Object v, List<String> words) {
    if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> rawOrNot(where, x, words));
    } else if (v instanceof List<?> xs) {
      xs.forEach(x -> rawOrNot(where, x, words));
    } else if (v instanceof String text) {
      long plain =
          Stream.of(text.split("[\\s,;()\"]++"))
              .filter(t -> PLAIN_WORD.matcher(t).matches())
              .count();
      if (plain >= 2 || NUMBER_WITH_UNIT.matcher(text).find()) {
        words.add(where + ": \"" + text + "\"");
      }
    }
  }

  /**
   * English words that reach a Japanese answer through the values rules pass or the words around
   * them (units, citations, file states), as found in answers before the knowledge base worded
   * them.
   */
  private static final Set<String> ENGLISH =
      Set.of(
          "min",
          "mins",
          "minute",
          "minutes",
          "s",
          "sec",
          "second",
          "seconds",
          "line",
          "lines",
          "frame",
          "frames",
          "read",
          "not",
          "missing",
          "because",
          "caused",
          "by",
          "retransmission",
          "retransmissions",
          "and",
          "or",
          "the",
          "of",
          "never",
          "followed",
          "success",
          "switch");

  private static final Pattern WORD =
      Pattern.compile("(?<![A-Za-z0-9._/-])[A-Za-z]+(?![A-Za-z0-9._/-])");

  @Test
  void japaneseAnswersHoldNoEnglishWordsFromValuesOrCitations() {
    KnowledgeTexts texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    Set<String> found = new TreeSet<>();
    for (Finding f : all) {
      FindingText t = texts.textOf(f, "ja");
      StringBuilder shown =
          new StringBuilder(t.title()).append('\n').append(t.explanation()).append('\n');
      t.fix().forEach(x -> shown.append(x).append('\n'));
      f.evidence()
          .forEach(
              e ->
                  shown
                      .append(texts.cite(e, "ja"))
                      .append(": ")
                      .append(texts.note(e, "ja"))
                      .append('\n'));
      f.ruledOut()
          .forEach(
              r ->
                  shown
                      .append(texts.ruledOut(r, "ja"))
                      .append(String.join("; ", texts.citeAll(r.evidence(), "ja", 8))));
      Matcher m = WORD.matcher(shown);
      while (m.find()) {
        if (ENGLISH.contains(m.group().toLowerCase(Locale.ROOT))) {
          found.add(
              f.code()
                  + ": \""
                  + m.group()
                  + "\" in "
                  + shown
                      .toString()
                      .lines()
                      .filter(l -> l.contains(m.group()))
                      .findFirst()
                      .orElse(""));
        }
      }
    }
    assertThat(found).as("English words in Japanese answers").isEmpty();
  }
}
