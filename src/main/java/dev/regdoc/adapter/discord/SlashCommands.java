package dev.regdoc.adapter.discord;

import dev.regdoc.adapter.shared.ChatWords;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /regdoc case|explain|teach. Registered per server at start (and when the bot joins one), which
 * Discord shows at once; or once globally by a setting, which takes Discord up to an hour.
 */
final class SlashCommands extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  /**
   * /regdoc case's attachments (a capture and the configs or logs beside it): Discord has no option
   * for several files, so each is an option of its own; more go into the thread afterwards.
   */
  static final List<String> FILE_OPTIONS = List.of("file", "file2", "file3");

  private final DiscordSettings settings;
  private final ChatWords words;

  SlashCommands(DiscordSettings settings, ChatWords words) {
    this.settings = settings;
    this.words = words;
  }

  /**
   * /regdoc with its subcommands and options, described in English (Discord's default) and in
   * Japanese for users whose Discord is Japanese.
   */
  SlashCommandData command() {
    SlashCommandData regdoc = Commands.slash(DiscordEvents.COMMAND, en("team-command"));
    regdoc.setDescriptionLocalization(DiscordLocale.JAPANESE, ja("team-command"));
    SubcommandData open = subcommand("case", "team-command-case");
    open.addOptions(option(OptionType.STRING, "symptom", "team-command-symptom", false));
    for (String file : FILE_OPTIONS) {
      open.addOptions(option(OptionType.ATTACHMENT, file, "team-command-file", false));
    }
    SubcommandData explain = subcommand("explain", "team-command-explain");
    explain.addOptions(option(OptionType.STRING, "question", "team-command-question", true));
    return regdoc.addSubcommands(open, explain, subcommand("teach", "team-command-teach"));
  }

  private SubcommandData subcommand(String name, String key) {
    return new SubcommandData(name, en(key))
        .setDescriptionLocalization(DiscordLocale.JAPANESE, ja(key));
  }

  private OptionData option(OptionType type, String name, String key, boolean required) {
    return new OptionData(type, name, en(key), required)
        .setDescriptionLocalization(DiscordLocale.JAPANESE, ja(key));
  }

  private String en(String key) {
    return words.say(key, "en");
  }

  private String ja(String key) {
    return words.say(key, "ja");
  }

  void register(JDA jda) {
    if (settings.globalCommands()) {
      jda.updateCommands()
          .addCommands(command())
          .queue(
              ok -> {}, e -> log.warn("registering /regdoc globally failed: {}", e.getMessage()));
      return;
    }
    jda.getGuilds().forEach(this::register);
  }

  private void register(Guild g) {
    if (!settings.allowedGuilds().isEmpty() && !settings.allowedGuilds().contains(g.getId())) {
      return;
    }
    g.updateCommands()
        .addCommands(command())
        .queue(
            ok -> {},
            e ->
                log.warn("registering /regdoc in server {} failed: {}", g.getId(), e.getMessage()));
  }

  @Override
  public void onGuildJoin(GuildJoinEvent e) {
    if (!settings.globalCommands()) {
      register(e.getGuild());
    }
  }
}
