package dev.regdoc.cli;

import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.knowledge.KnowledgeYaml;
import java.nio.file.Path;

/**
 * The data directory for commands that take no config file: the same {@code data.dir} as the bot's
 * ({@code -Dregdoc.data.dir}, default ~/.regdoc), so the CLI and the bot share the compiled rules.
 */
final class DataDir {
  private DataDir() {}

  static Path ruleCache() {
    return dir().resolve(RuleBase.CACHE_FOLDER);
  }

  /** Where the knowledge base's parsed YAML is kept. */
  static Path knowledgeCache() {
    return dir().resolve(KnowledgeYaml.CACHE_FOLDER);
  }

  private static Path dir() {
    String dir = System.getProperty("regdoc.data.dir", "~/.regdoc");
    return Path.of(dir.replaceFirst("^~", System.getProperty("user.home")));
  }
}
