package dev.regdoc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start with unchanged rules reads the compiled rule base kept from the last start instead of
 * compiling the DRL again, and answers exactly as the compiled one does; an operator's edit to a
 * rule file takes effect at the next start without rebuilding regdoc; a damaged cache file is
 * compiled over, never fatal.
 */
class CompiledRuleCacheTest {
  @TempDir Path tmp;

  @Test
  void unchangedRulesAreReadBackEditedOnesRecompiledAndADamagedCacheIgnored() throws IOException {
    Path rules = copyOfRules();
    Path cache = tmp.resolve("cache");

    RuleBase first = RuleBase.load(rules, cache);
    assertThat(first.source()).isEqualTo(RuleBase.Source.COMPILED);
    RuleBase second = RuleBase.load(rules, cache);
    assertThat(second.source()).isEqualTo(RuleBase.Source.CACHED);
    assertThat(second.ruleNames()).isEqualTo(first.ruleNames());
    List<String> compiledAnswer = codes(first);
    assertThat(compiledAnswer).first().asString().endsWith(" port-security-aging");
    assertThat(codes(second)).isEqualTo(compiledAnswer);

    // a damaged file: compiled again, the answer unchanged, the file rewritten
    try (Stream<Path> s = Files.list(cache)) {
      for (Path p : s.toList()) {
        Files.write(p, new byte[] {0, 1, 2, 3, 4});
      }
    }
    RuleBase afterDamage = RuleBase.load(rules, cache);
    assertThat(afterDamage.source()).isEqualTo(RuleBase.Source.COMPILED);
    assertThat(codes(afterDamage)).isEqualTo(compiledAnswer);
    assertThat(RuleBase.load(rules, cache).source()).isEqualTo(RuleBase.Source.CACHED);

    // an operator raises the threshold of "mostly lost" far out of reach: case study 2's lost
    // refreshes are no longer a pattern, so port security aging is no longer the answer
    Path thresholds = rules.resolve("thresholds.drl");
    String drl = Files.readString(thresholds);
    String edited = drl.replace("s.getLostCount() >= 2 &&", "s.getLostCount() >= 1000 &&");
    assertThat(edited).isNotEqualTo(drl);
    Files.writeString(thresholds, edited);
    RuleBase afterEdit = RuleBase.load(rules, cache);
    assertThat(afterEdit.source()).isEqualTo(RuleBase.Source.COMPILED);
    assertThat(codes(afterEdit)).noneMatch(c -> c.endsWith(" port-security-aging"));
    try (Stream<Path> s = Files.list(cache)) {
      assertThat(s.toList()).as("only the current rules' file is kept").hasSize(1);
    }
  }

  @Test
  void anUnwritableCacheCostsOnlyTime() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    RuleBase r = RuleBase.load(copyOfRules(), notADir.resolve("cache"));
    assertThat(r.source()).isEqualTo(RuleBase.Source.COMPILED);
    assertThat(r.ruleNames()).isNotEmpty();
  }

  private Path copyOfRules() throws IOException {
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    try (Stream<Path> s = Files.list(Path.of("rules"))) {
      for (Path p : s.toList()) {
        Files.copy(p, rules.resolve(p.getFileName()));
      }
    }
    return rules;
  }

  private static List<String> codes(RuleBase rules) throws IOException {
    Analyzer analyzer =
        new Analyzer(
            rules, TextReaders.defaults(), IngestLimits.defaults(), SignalingPorts.defaults());
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/fixtures/case-study-2"))) {
      return analyzer
          .analyze(
              s.filter(p -> !p.toString().endsWith("README.md"))
                  .sorted()
                  .map(InputFile::of)
                  .toList())
          .findings()
          .stream()
          .map(f -> f.device() + " " + f.code())
          .toList();
    }
  }
}
