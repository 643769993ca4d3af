package dev.regdoc.adapter.discord;

import static dev.regdoc.adapter.discord.LoopbackDiscord.BOT;
import static dev.regdoc.adapter.discord.LoopbackDiscord.CHANNEL;
import static dev.regdoc.adapter.discord.LoopbackDiscord.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two live regdoc instances on one case store, each with its own JDA session on the loopback
 * gateway: Discord sends a guild's events to both, and the mention is still answered once, in one
 * thread.
 */
class DiscordTwoInstancesTest {
  @TempDir Path dataDir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aMentionDeliveredToBothInstancesIsAnsweredOnce() throws Exception {
    LoopbackDiscord discord = new LoopbackDiscord();
    open.add(discord);
    start(discord);
    start(discord);
    assertThat(discord.gateway.identified).hasValue(2);

    String msg =
        discord.say(
            CHANNEL,
            "500000000000000201",
            "<@" + BOT + "> SEP0024142DDF24 drops to the secondary every 16 minutes");
    String thread = discord.awaitThreadOn(msg);
    discord.await(thread, p -> p.text().contains("SIP or with SCCP"));
    Thread.sleep(1500);

    assertThat(discord.restCalls)
        .filteredOn(c -> c.equals("POST channels/" + CHANNEL + "/messages/" + msg + "/threads"))
        .hasSize(1);
    assertThat(discord.threadCount()).isEqualTo(1);
    assertThat(discord.posted).filteredOn(p -> p.channel().equals(thread)).hasSize(1);
  }

  private void start(LoopbackDiscord discord) {
    BotRuntime runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    open.add(runtime);
    open.add(
        DiscordAdapter.start(
            discord.settings(), runtime.engine(), Map.of("DISCORD_BOT_TOKEN", TOKEN)));
  }
}
