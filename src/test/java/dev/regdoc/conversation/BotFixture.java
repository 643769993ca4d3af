package dev.regdoc.conversation;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A real bot (knowledge base, rules, H2 case store in {@code dataDir}) on a fixed clock, for
 * conversation tests.
 */
final class BotFixture {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
  static final Path CASE2 = Path.of("src/test/resources/fixtures/case-study-2").toAbsolutePath();

  private BotFixture() {}

  static BotRuntime start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  static BotRuntime start(Path dataDir, Map<String, String> extra) {
    Map<String, String> config = new HashMap<>(extra);
    config.put("data.dir", dataDir.toString());
    return BotRuntime.start(
        BotConfig.of(config), Path.of("knowledge-base"), Path.of("rules"), Illustrator.NONE, CLOCK);
  }

  /** A file of case study 2's fixture as a user would upload it, with its size announced. */
  static Upload caseStudy2(String name) {
    Path p = CASE2.resolve(name);
    return new Upload(name, p.toFile().length(), p);
  }
}
