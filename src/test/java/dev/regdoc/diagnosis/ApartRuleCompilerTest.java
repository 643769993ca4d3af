package dev.regdoc.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules compiled in a JVM of their own land in the cache this process then reads. */
class ApartRuleCompilerTest {

  @Test
  void theProjectRulesCompiledApartAreReadBackWithoutCompilingHere(@TempDir Path cache) {
    Path rules = Path.of("rules");

    assertThat(ApartRuleCompiler.fill(rules, cache)).isTrue();

    assertThat(new CompiledRuleCache(cache).fileFor(RuleBase.drlFiles(rules))).isRegularFile();
    RuleBase loaded = RuleBase.load(rules, cache);
    assertThat(loaded.source()).isEqualTo(RuleBase.Source.CACHED);
    assertThat(loaded.files()).contains("histories.drl", "phone-refresh-late.drl");
  }

  @Test
  void aRuleThatDoesNotCompileLeavesNothingCachedAndIsReportedHereWithItsLine(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("broken.drl"), RuleBaseTest.BROKEN_AT_LINE_6);
    Path cache = dir.resolve("cache");

    assertThat(ApartRuleCompiler.fill(dir, cache)).isFalse();

    assertThat(cached(cache)).isZero();
    assertThatThrownBy(() -> RuleBase.load(dir, cache).files())
        .isInstanceOf(RuleBaseException.class)
        .hasMessageContaining("broken.drl:6");
  }

  @Test
  void aFolderWithoutRulesIsLeftToTheCallerToReport(@TempDir Path dir) {
    assertThat(ApartRuleCompiler.fill(dir.resolve("missing"), dir.resolve("cache"))).isFalse();
  }

  private static long cached(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.toString().endsWith(".bin")).count();
    }
  }
}
