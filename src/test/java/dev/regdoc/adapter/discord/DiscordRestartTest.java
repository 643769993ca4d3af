package dev.regdoc.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case thread stays regdoc's across a restart: after the runner and the engine are stopped and
 * new ones started on the same data (H2 case store), a plain reply in the thread, without a
 * mention, is answered in the case, while a thread regdoc never worked in stays ignored.
 */
class DiscordRestartTest {
  private static final String CHANNEL = "600000000000000101";

  @TempDir Path dataDir;
  private FakeDiscord discord;
  private BotRuntime runtime;
  private DiscordRunner runner;
  private DiscordEvents events;

  @AfterEach
  void stopAll() {
    stopRegdoc();
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  void aPlainReplyInAnOldCaseThreadIsAnsweredAfterARestart() throws Exception {
    discord = new FakeDiscord();
    startRegdoc();
    String msg = discord.nextId();
    events.onMessageReceived(
        discord.message(
            discord.channel(CHANNEL),
            "500000000000000101",
            msg,
            "<@" + FakeDiscord.BOT + "> SEP0024142DDF24 drops to the secondary every 16 minutes",
            List.of()));
    String thread = discord.awaitThread(o -> msg.equals(o.startMessage())).thread();
    discord.await(thread, s -> FakeDiscord.text(s.message()).contains("SIP or with SCCP"));
    stopRegdoc();

    startRegdoc();
    MessageChannelUnion old = discord.thread(thread, CHANNEL);
    MessageChannelUnion other = discord.thread(discord.nextId(), CHANNEL);
    events.onMessageReceived(
        discord.message(other, "500000000000000101", discord.nextId(), "SIP", List.of()));
    events.onMessageReceived(
        discord.message(old, "500000000000000101", discord.nextId(), "SIP", List.of()));

    discord.await(thread, s -> FakeDiscord.text(s.message()).contains("CUCM version"));
    Thread.sleep(500);
    assertThat(discord.sent)
        .as("a thread regdoc never worked in stays ignored")
        .noneMatch(s -> s.channel().equals(other.getId()));
    assertThat(discord.opened).hasSize(1);
  }

  private void startRegdoc() {
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    runner =
        new DiscordRunner(
            runtime.engine(),
            DiscordSettings.defaults().withAllowedFileHosts(Set.of("127.0.0.1")),
            new RequestGuards(Clock.systemUTC(), 1000),
            discord);
    events = new DiscordEvents(runner);
  }

  private void stopRegdoc() {
    if (runner != null) {
      runner.close();
      runner = null;
    }
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
