package dev.regdoc.adapter.discord;

import static dev.regdoc.adapter.discord.LoopbackDiscord.BOT;
import static dev.regdoc.adapter.discord.LoopbackDiscord.CHANNEL;
import static dev.regdoc.adapter.discord.LoopbackDiscord.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.conversation.Illustrator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Starting and restarting real JDA against {@link LoopbackDiscord}: a case thread stays regdoc's
 * after a restart (a new JDA session on the same case store), a refused intent is said in one line,
 * and the token never reaches the logs, at any level.
 */
class DiscordGatewayRestartTest {
  private static final String CASE_STUDY = "src/test/resources/fixtures/case-study-2/";
  @TempDir Path dataDir;
  private LoopbackDiscord discord;
  private BotRuntime runtime;
  private DiscordAdapter.Running running;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() throws Exception {
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
    discord = new LoopbackDiscord();
  }

  @AfterEach
  void stopAll() throws Exception {
    stopRegdoc();
    discord.close();
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void aPlainReplyInAnOldCaseThreadIsAnsweredAfterARestart() throws Exception {
    startRegdoc();
    String user = "500000000000000101";
    String msg =
        discord.say(
            CHANNEL,
            user,
            "<@" + BOT + "> SEP0024142DDF24 drops to the secondary every 16 minutes");
    String thread = discord.awaitThreadOn(msg);
    discord.await(thread, p -> p.text().contains("SIP or with SCCP"));
    stopRegdoc();

    startRegdoc();
    assertThat(discord.gateway.identified).hasValue(2);
    discord.say(thread, user, "SIP");
    discord.await(thread, p -> p.text().contains("CUCM version"));
    assertThat(discord.threadCount()).isEqualTo(1);
    assertNoTokenInLogs();
  }

  @Test
  void aMessageDeliveredAgainToTheNextSessionAfterARestartIsAnsweredOnce() throws Exception {
    startRegdoc();
    String user = "500000000000000102";
    String id = discord.nextId();
    ObjectNode mention =
        discord.message(
            id,
            CHANNEL,
            user,
            "<@" + BOT + "> SEP0024142DDF24 drops to the secondary every 16 minutes");
    discord.say(mention);
    String thread = discord.awaitThreadOn(id);
    discord.await(thread, p -> p.text().contains("SIP or with SCCP"));
    long answered = postsIn(thread);
    stopRegdoc();

    startRegdoc();
    discord.say(mention);
    String later = discord.say(CHANNEL, "500000000000000103", "<@" + BOT + "> new case");
    discord.await(discord.awaitThreadOn(later), p -> true);

    assertThat(discord.restCalls)
        .filteredOn(c -> c.equals("POST channels/" + CHANNEL + "/messages/" + id + "/threads"))
        .hasSize(1);
    assertThat(discord.threadCount()).isEqualTo(2);
    assertThat(postsIn(thread)).isEqualTo(answered);
  }

  @Test
  void aUsersJapaneseDiscordIsRememberedAcrossARestart() throws Exception {
    startRegdoc();
    String user = "500000000000000104";
    // only an interaction tells the user's Discord language; the symptom holds no word of either
    discord.slash(CHANNEL, user, "ja", "case", "symptom", "SEP0024142DDF24");
    String first = discord.awaitThreadNamed("SEP0024142DDF24");
    discord.await(first, p -> p.text().contains("を作成しました"));
    stopRegdoc();

    startRegdoc();
    String msg = discord.say(CHANNEL, user, "<@" + BOT + "> SEP0024142DDF25");
    assertThat(discord.await(discord.awaitThreadOn(msg), p -> true).text())
        .containsPattern("ケース \\*\\*#\\d+\\*\\* を作成しました");
  }

  @Test
  void aSlashCommandDeliveredAgainAfterARestartOpensOneThread() throws Exception {
    startRegdoc();
    String name = "SEP0024142DDF24 drops every 16 minutes (replayed)";
    ObjectNode slash =
        discord.slashInteraction(CHANNEL, "500000000000000105", "en-US", "case", "symptom", name);
    discord.interact(slash);
    String thread = discord.awaitThreadNamed(name);
    discord.await(thread, p -> p.text().contains("SIP or with SCCP"));
    long answered = postsIn(thread);
    stopRegdoc();

    startRegdoc();
    discord.interact(slash);
    String later = discord.say(CHANNEL, "500000000000000106", "<@" + BOT + "> new case");
    discord.await(discord.awaitThreadOn(later), p -> true);
    Thread.sleep(500);

    assertThat(discord.threadCount()).isEqualTo(2);
    assertThat(discord.posted)
        .as("one thread opener in the channel")
        .filteredOn(p -> p.channel().equals(CHANNEL))
        .hasSize(1);
    assertThat(postsIn(thread)).isEqualTo(answered);
  }

  @Test
  void attachmentsDeliveredAgainAfterARestartAreDownloadedAndAnsweredOnce() throws Exception {
    startRegdoc();
    String user = "500000000000000107";
    String msg = discord.say(CHANNEL, user, "<@" + BOT + "> new case");
    String thread = discord.awaitThreadOn(msg);
    discord.await(thread, p -> true);
    byte[] config = Files.readAllBytes(Path.of(CASE_STUDY + "switch-config.txt"));
    String url = discord.serve("switch-config.txt", config);
    ObjectNode upload =
        discord.message(
            discord.nextId(),
            thread,
            user,
            "",
            discord.attachment("switch-config.txt", url, config.length));
    discord.say(upload);
    // the case's first answer, the progress message, then the analysis's answer
    discord.awaitNth(thread, 3);
    long answered = postsIn(thread);
    stopRegdoc();

    startRegdoc();
    discord.say(upload);
    String later = discord.say(CHANNEL, "500000000000000108", "<@" + BOT + "> new case");
    discord.await(discord.awaitThreadOn(later), p -> true);
    Thread.sleep(500);

    assertThat(discord.cdnRequests).containsOnlyOnce(URI.create(url).getPath());
    assertThat(postsIn(thread)).isEqualTo(answered);
  }

  private long postsIn(String channel) {
    return discord.posted.stream().filter(p -> p.channel().equals(channel)).count();
  }

  @Test
  void aMissingPrivilegedIntentSaysWhatToSwitchOnInOneLine() {
    discord.gateway.refuseIntents = true;
    assertThatThrownBy(this::startRegdoc)
        .isInstanceOf(DiscordStartException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .contains("MESSAGE CONTENT INTENT", "Privileged Gateway Intents")
                    .doesNotContain("\n")
                    .doesNotContain(TOKEN));
    assertNoTokenInLogs();
  }

  /** Nothing logged carries the token or its secret part: messages, arguments, exceptions. */
  private void assertNoTokenInLogs() {
    String secret = TOKEN.substring(TOKEN.lastIndexOf('.') + 1);
    // JDA's threads may still be logging: read a copy taken under the appender's own lock
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new ArrayList<>(logs.list);
    }
    assertThat(events).as("DEBUG logging was captured").isNotEmpty();
    for (ILoggingEvent e : events) {
      StringBuilder all = new StringBuilder(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        all.append('\n').append(t.getMessage());
      }
      assertThat(all.toString()).as(e.getLoggerName()).doesNotContain(secret);
    }
  }

  private void startRegdoc() {
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    running =
        DiscordAdapter.start(
            discord.settings(), runtime.engine(), Map.of("DISCORD_BOT_TOKEN", TOKEN));
  }

  private void stopRegdoc() {
    if (running != null) {
      running.close();
      running = null;
    }
    if (runtime != null) {
      runtime.close();
      runtime = null;
    }
  }
}
