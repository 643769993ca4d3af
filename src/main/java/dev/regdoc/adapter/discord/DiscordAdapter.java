package dev.regdoc.adapter.discord;

import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.conversation.ChatEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * regdoc in Discord through JDA: a bot on the gateway with the guild-message, direct-message and
 * message-content intents. The token comes only from the environment (DISCORD_BOT_TOKEN) and never
 * appears in messages or logs.
 */
public final class DiscordAdapter {
  static final String PORTAL = "https://discord.com/developers/applications";

  /** A bot token: three dot-separated base64url parts (the first is the bot's id). */
  private static final Pattern TOKEN_SHAPE =
      Pattern.compile("(?<![\\w-])[\\w-]{10,}+\\.[\\w-]{4,}+\\.[\\w-]{10,}+");

  private DiscordAdapter() {}

  /** A started adapter; {@link #close()} disconnects and stops the workers. */
  public interface Running extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Connects and registers /regdoc. Throws {@link DiscordStartException} with a one-line message
   * when the token is missing, malformed or refused, an intent is not switched on, or Discord
   * cannot be reached.
   */
  public static Running start(
      DiscordSettings settings, ChatEngine engine, Map<String, String> env) {
    return start(settings, engine, env, Clock.systemUTC());
  }

  static Running start(
      DiscordSettings settings, ChatEngine engine, Map<String, String> env, Clock clock) {
    String token = token(env);
    StartWatch watch = new StartWatch();
    JDA jda = connect(settings, token, watch);
    DiscordRunner runner =
        new DiscordRunner(
            engine,
            settings,
            new RequestGuards(clock, settings.requestsPerUserPerMinute()),
            new JdaPort(jda),
            clock);
    SlashCommands commands = new SlashCommands(settings, engine::phrase);
    jda.addEventListener(new DiscordEvents(runner), commands);
    commands.register(jda);
    return () -> {
      jda.shutdown();
      runner.close();
      try {
        if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static JDA connect(DiscordSettings s, String token, StartWatch watch) {
    JDABuilder b =
        JDABuilder.createLight(
                token,
                GatewayIntent.GUILD_MESSAGES,
                GatewayIntent.DIRECT_MESSAGES,
                GatewayIntent.MESSAGE_CONTENT)
            .addEventListeners(watch);
    if (s.apiBaseUrl() != null) {
      b.setRestConfig(new RestConfig().setBaseUrl(s.apiBaseUrl()));
    }
    if (s.gatewayUrl() != null) {
      String gateway = s.gatewayUrl();
      b.setSessionController(
          new SessionControllerAdapter() {
            @Override
            public String getGateway() {
              return gateway;
            }
          });
      b.setCompression(Compression.NONE); // a gateway other than Discord's speaks plain JSON
    }
    JDA jda;
    try {
      jda = b.build();
    } catch (InvalidTokenException e) {
      throw refusedToken();
    } catch (RuntimeException e) {
      throw unreachable(s, e);
    }
    try {
      return jda.awaitReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jda.shutdownNow();
      throw new DiscordStartException("regdoc was stopped while connecting to Discord");
    } catch (IllegalStateException e) {
      throw watch.failure().orElseGet(() -> unreachable(s, e));
    }
  }

  private static String token(Map<String, String> env) {
    String v = env.get("DISCORD_BOT_TOKEN");
    if (v == null || v.isBlank()) {
      throw new DiscordStartException(
          "DISCORD_BOT_TOKEN is not set: export the bot's token ("
              + PORTAL
              + " > your application > Bot > Reset Token)");
    }
    String t = v.trim();
    if (!TOKEN_SHAPE.matcher(t).matches()) {
      throw new DiscordStartException(
          "DISCORD_BOT_TOKEN does not look right: a bot token is three parts joined by dots ("
              + PORTAL
              + " > your application > Bot > Reset Token)");
    }
    return t;
  }

  static DiscordStartException refusedToken() {
    return new DiscordStartException(
        "Discord refused DISCORD_BOT_TOKEN: reset it under Bot > Reset Token in "
            + PORTAL
            + " and export the new one");
  }

  static DiscordStartException missingIntent() {
    return new DiscordStartException(
        "Discord refused the bot's intents: switch on MESSAGE CONTENT INTENT under Bot > Privileged"
            + " Gateway Intents in "
            + PORTAL
            + ", then start regdoc again");
  }

  private static DiscordStartException unreachable(DiscordSettings s, Throwable e) {
    String where = s.apiBaseUrl() != null ? s.apiBaseUrl() : RestConfig.DEFAULT_BASE_URL;
    return new DiscordStartException("Discord is not reachable at " + where + ": " + reason(e));
  }

  /** The innermost message, first line only, without anything that looks like the token. */
  static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines()
        .findFirst()
        .orElse("")
        .replaceAll("[\\w-]{10,}\\.[\\w-]{4,}\\.[\\w-]{10,}", "…");
  }
}
