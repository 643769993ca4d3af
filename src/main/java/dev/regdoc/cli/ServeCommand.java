package dev.regdoc.cli;

import dev.regdoc.adapter.discord.DiscordAdapter;
import dev.regdoc.adapter.discord.DiscordSettings;
import dev.regdoc.adapter.slack.SlackAdapter;
import dev.regdoc.adapter.slack.SlackSettings;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.bot.Monitoring;
import dev.regdoc.chat.web.WebChatServer;
import dev.regdoc.chat.web.WebChatSettings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * regdoc serve: the bot. Always the local web chat; Slack and Discord too when their tokens are in
 * the environment; and, when started from a terminal, the terminal chat in the foreground on the
 * same engine.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Runs the bot: web chat on localhost, Slack when SLACK_BOT_TOKEN is set, Discord when"
            + " DISCORD_BOT_TOKEN is set, terminal chat when interactive.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption config = new ConfigOption();

  @Option(names = "--port", description = "Web chat port (default 8080; 0 = any free port)")
  Integer port;

  @Option(
      names = "--no-terminal",
      description = "Do not run the terminal chat even when interactive")
  boolean noTerminal;

  @Spec CommandSpec spec;

  /**
   * How long a SIGTERM waits for the instance to close (web, chats, jobs, store) before exiting.
   */
  private static final long SHUTDOWN_WAIT_SECONDS = 20;

  @Override
  public Integer call() throws Exception {
    BotConfig cfg = config.load();
    WebChatSettings webSettings = cfg.webChat();
    if (port != null) {
      webSettings = webSettings.withPort(port);
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch closed = new CountDownLatch(1);
    AtomicBoolean signalled = new AtomicBoolean();
    try (BotRuntime bot = CliBot.start(cfg)) {
      out.println("regdoc: instance " + bot.instanceId());
      WebChatServer web = startWebChat(webSettings, bot);
      out.println("regdoc: web chat on " + web.uri() + " (health, ready, metrics beside it)");
      SlackAdapter.Running slack = startSlack(bot, out);
      DiscordAdapter.Running discord = startDiscord(bot, out);
      out.flush();
      try {
        if (System.console() != null && !noTerminal) {
          CliBot.chatInTerminal(bot, null, System.getProperty("user.name"), out, true);
        } else {
          CountDownLatch forever = new CountDownLatch(1);
          // The JVM halts once its shutdown hooks return: this one waits for the close below, so a
          // SIGTERM still gives the analysis jobs held back to the queue for another instance. A
          // stop asked for and done in time is a normal end: exit code 0, not the signal's 143.
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        signalled.set(true);
                        forever.countDown();
                        if (awaitQuietly(closed)) {
                          Runtime.getRuntime().halt(0);
                        }
                      }));
          forever.await();
        }
      } finally {
        // the jobs first, so another instance takes them while this one closes the rest
        int given = bot.stopAnalyses();
        if (signalled.get()) {
          out.println(
              "regdoc: stopped by a signal: "
                  + given
                  + (given == 1 ? " analysis job" : " analysis jobs")
                  + " given back to the queue for another instance");
          out.flush();
        }
        web.stop();
        if (slack != null) {
          slack.close();
        }
        if (discord != null) {
          discord.close();
        }
      }
      return 0;
    } finally {
      closed.countDown();
    }
  }

  /** Whether the instance closed within the wait. */
  private static boolean awaitQuietly(CountDownLatch closed) {
    try {
      return closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The web chat; when its port is taken (most often by a regdoc already serving), one line that
   * says so and how to start another.
   */
  private static WebChatServer startWebChat(WebChatSettings s, BotRuntime bot) {
    try {
      return WebChatServer.start(s, bot.engine(), Monitoring.of(bot), webSessionKey());
    } catch (UncheckedIOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          String at = s.host() + ":" + s.port();
          throw new IllegalStateException(
              "the web chat cannot listen on "
                  + at
                  + ": the port is in use (regdoc already serving? it is at http://"
                  + at
                  + "/); give this one another with --port N (0: any free port)",
              e);
        }
      }
      throw e;
    }
  }

  /**
   * The key the web pages' tokens are signed with when several instances serve one web chat behind
   * a load balancer (REGDOC_WEB_SESSION_KEY, the same on each); null: a key of this process only.
   */
  private static byte[] webSessionKey() {
    String key = System.getenv("REGDOC_WEB_SESSION_KEY");
    if (key == null || key.isBlank()) {
      return null;
    }
    if (key.strip().length() < 32) {
      throw new IllegalStateException(
          "REGDOC_WEB_SESSION_KEY is too short: give at least 32 random characters"
              + " (e.g. openssl rand -hex 32), the same on every instance");
    }
    return key.strip().getBytes(StandardCharsets.UTF_8);
  }

  private static SlackAdapter.Running startSlack(BotRuntime bot, PrintWriter out) {
    Map<String, String> env = System.getenv();
    if (!env.containsKey("SLACK_BOT_TOKEN")) {
      out.println("regdoc: Slack not started (SLACK_BOT_TOKEN is not set)");
      return null;
    }
    SlackAdapter.Running r = SlackAdapter.start(SlackSettings.from(env), bot.engine(), env);
    out.println("regdoc: Slack connected");
    return r;
  }

  private static DiscordAdapter.Running startDiscord(BotRuntime bot, PrintWriter out) {
    Map<String, String> env = System.getenv();
    if (!env.containsKey("DISCORD_BOT_TOKEN")) {
      out.println("regdoc: Discord not started (DISCORD_BOT_TOKEN is not set)");
      return null;
    }
    DiscordAdapter.Running r = DiscordAdapter.start(DiscordSettings.from(env), bot.engine(), env);
    out.println("regdoc: Discord connected");
    return r;
  }
}
