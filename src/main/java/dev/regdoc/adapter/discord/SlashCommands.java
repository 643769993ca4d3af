package dev.regdoc.adapter.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
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
  private final DiscordSettings settings;

  SlashCommands(DiscordSettings settings) {
    this.settings = settings;
  }

  static SlashCommandData command() {
    return Commands.slash(
            DiscordEvents.COMMAND, "Troubleshoot a Cisco IP phone that unregisters from CUCM")
        .addSubcommands(
            new SubcommandData("case", "Open a case in its own thread")
                .addOption(
                    OptionType.STRING,
                    "symptom",
                    "What happens, e.g. SEP0024142DDF24 drops to the secondary every 16 minutes",
                    false),
            new SubcommandData("explain", "Explain a term or a finding")
                .addOption(OptionType.STRING, "question", "What to explain", true),
            new SubcommandData("teach", "Lessons on real captures"));
  }

  static void register(JDA jda, DiscordSettings s) {
    if (s.globalCommands()) {
      jda.updateCommands()
          .addCommands(command())
          .queue(
              ok -> {}, e -> log.warn("registering /regdoc globally failed: {}", e.getMessage()));
      return;
    }
    jda.getGuilds().forEach(g -> register(g, s));
  }

  private static void register(Guild g, DiscordSettings s) {
    if (!s.allowedGuilds().isEmpty() && !s.allowedGuilds().contains(g.getId())) {
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
      register(e.getGuild(), settings);
    }
  }
}
