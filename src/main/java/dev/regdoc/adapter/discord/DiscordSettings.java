package dev.regdoc.adapter.discord;

import dev.regdoc.adapter.shared.ChatSettings;
import dev.regdoc.common.ConfigValues;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the Discord adapter runs. The token is not here: it comes only from the environment.
 *
 * @param allowedFileHosts the only hosts attachments are ever downloaded from (Discord's CDN)
 * @param allowedGuilds guild (server) ids served; empty = all. Direct messages are served only when
 *     both allowlists are empty
 * @param allowedChannels channel ids served (a thread counts as its parent channel); empty = all
 * @param requestsPerUserPerMinute requests one user may start per minute
 * @param globalCommands register /regdoc once for every server (takes Discord up to an hour to
 *     show) instead of per server at start (at once)
 * @param maxAttachmentBytes the largest attachment Discord lets anyone send; a larger announced
 *     size is refused before download like one over regdoc's own limit
 * @param apiBaseUrl Discord's REST API base, null for Discord's own (tests point it elsewhere)
 * @param gatewayUrl Discord's gateway, null for the one Discord names (tests point it elsewhere)
 */
public record DiscordSettings(
    Set<String> allowedFileHosts,
    Set<String> allowedGuilds,
    Set<String> allowedChannels,
    int requestsPerUserPerMinute,
    boolean globalCommands,
    long maxAttachmentBytes,
    String apiBaseUrl,
    String gatewayUrl) {

  /** Discord's largest attachment (500 MiB, with Nitro); servers without boosts allow less. */
  public static final long DISCORD_MAX_ATTACHMENT = 500L << 20;

  public DiscordSettings {
    allowedFileHosts =
        allowedFileHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    allowedGuilds = Set.copyOf(allowedGuilds);
    allowedChannels = Set.copyOf(allowedChannels);
    if (requestsPerUserPerMinute < 1) {
      throw new IllegalArgumentException(
          "discord rate limit must be at least 1 request a minute, got "
              + requestsPerUserPerMinute);
    }
  }

  public static DiscordSettings defaults() {
    return new DiscordSettings(
        Set.of("cdn.discordapp.com", "media.discordapp.net"),
        Set.of(),
        Set.of(),
        20,
        false,
        DISCORD_MAX_ATTACHMENT,
        null,
        null);
  }

  /**
   * Reads REGDOC_DISCORD_* keys (file.hosts, guilds, channels, rate.per.minute, global.commands,
   * api.base.url, gateway.url); lists are comma-separated. Missing keys keep the defaults.
   */
  public static DiscordSettings from(Map<String, String> env) {
    DiscordSettings d = defaults();
    return new DiscordSettings(
        ChatSettings.commaList(env, "REGDOC_DISCORD_FILE_HOSTS", d.allowedFileHosts()),
        ChatSettings.commaList(env, "REGDOC_DISCORD_GUILDS", Set.of()),
        ChatSettings.commaList(env, "REGDOC_DISCORD_CHANNELS", Set.of()),
        ConfigValues.wholeNumber(
            env, "REGDOC_DISCORD_RATE_PER_MINUTE", d.requestsPerUserPerMinute(), 1, 100_000),
        yes(env, "REGDOC_DISCORD_GLOBAL_COMMANDS"),
        d.maxAttachmentBytes(),
        blankToNull(env.get("REGDOC_DISCORD_API_BASE_URL")),
        blankToNull(env.get("REGDOC_DISCORD_GATEWAY_URL")));
  }

  public DiscordSettings withEndpoints(String api, String gateway) {
    return new DiscordSettings(
        allowedFileHosts,
        allowedGuilds,
        allowedChannels,
        requestsPerUserPerMinute,
        globalCommands,
        maxAttachmentBytes,
        api,
        gateway);
  }

  public DiscordSettings withAllowedFileHosts(Set<String> hosts) {
    return new DiscordSettings(
        hosts,
        allowedGuilds,
        allowedChannels,
        requestsPerUserPerMinute,
        globalCommands,
        maxAttachmentBytes,
        apiBaseUrl,
        gatewayUrl);
  }

  public DiscordSettings withAllowlists(Set<String> guilds, Set<String> channels) {
    return new DiscordSettings(
        allowedFileHosts,
        guilds,
        channels,
        requestsPerUserPerMinute,
        globalCommands,
        maxAttachmentBytes,
        apiBaseUrl,
        gatewayUrl);
  }

  public DiscordSettings withRateLimit(int perMinute) {
    return new DiscordSettings(
        allowedFileHosts,
        allowedGuilds,
        allowedChannels,
        perMinute,
        globalCommands,
        maxAttachmentBytes,
        apiBaseUrl,
        gatewayUrl);
  }

  /**
   * Whether a guild/channel is served (an empty list serves all); guild null is a direct message.
   */
  public boolean serves(String guild, String channel) {
    if (guild == null) {
      return allowedGuilds.isEmpty() && allowedChannels.isEmpty();
    }
    return ChatSettings.serves(allowedGuilds, allowedChannels, guild, channel);
  }

  private static boolean yes(Map<String, String> env, String key) {
    String v = env.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("yes") || v.equals("1")) {
      return true;
    } else if (v.equals("false") || v.equals("no") || v.equals("0") || v.isEmpty()) {
      return false;
    }
    throw new IllegalArgumentException(key + " must be true or false, got \"" + v + "\"");
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }
}
