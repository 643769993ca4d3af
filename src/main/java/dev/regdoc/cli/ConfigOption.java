package dev.regdoc.cli;

import dev.regdoc.bot.BotConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that runs the bot: its YAML config and where it keeps its data. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config (see bot/regdoc.example.yaml)")
  Path file;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where cases and files are kept (default ~/.regdoc; data.dir in the config)")
  Path dataDir;

  /**
   * The file's keys (none without --config), overridden by -Dregdoc.KEY=value as {@link
   * BotConfig#load} reads them, then by --data-dir.
   */
  BotConfig load() {
    return BotConfig.load(
        file,
        dataDir == null
            ? Map.of()
            : Map.of("data.dir", Map.entry("--data-dir", dataDir.toAbsolutePath().toString())));
  }
}
