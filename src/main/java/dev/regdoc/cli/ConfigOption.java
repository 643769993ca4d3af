package dev.regdoc.cli;

import dev.regdoc.bot.BotConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of every command that runs the bot: its YAML config. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config (see bot/regdoc.example.yaml)")
  Path file;

  /**
   * The file's keys (none without --config), overridden by -Dregdoc.KEY=value as {@link
   * BotConfig#load} reads them.
   */
  BotConfig load() {
    return BotConfig.load(file);
  }
}
