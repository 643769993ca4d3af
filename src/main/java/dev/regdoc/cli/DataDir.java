package dev.regdoc.cli;

import dev.regdoc.diagnosis.RuleBase;
import java.nio.file.Path;

/**
 * The data directory for commands that take no config file: the same {@code data.dir} as the bot's
 * ({@code -Dregdoc.data.dir}, default ~/.regdoc), so the CLI and the bot share the compiled rules.
 */
final class DataDir {
  private DataDir() {}

  static Path ruleCache() {
    String dir = System.getProperty("regdoc.data.dir", "~/.regdoc");
    return Path.of(dir.replaceFirst("^~", System.getProperty("user.home")))
        .resolve(RuleBase.CACHE_FOLDER);
  }
}
