package dev.regdoc.adapter.discord;

import static dev.regdoc.adapter.discord.LoopbackDiscord.BOT;
import static dev.regdoc.adapter.discord.LoopbackDiscord.CHANNEL;
import static dev.regdoc.adapter.discord.LoopbackDiscord.FOREIGN_CHANNEL;
import static dev.regdoc.adapter.discord.LoopbackDiscord.GUILD;
import static dev.regdoc.adapter.discord.LoopbackDiscord.OTHER_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.charts.ChartIllustrator;
import dev.regdoc.common.Sizes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord adapter through real JDA against {@link LoopbackDiscord}: events arrive on the
 * gateway as Discord sends them, and everything regdoc does goes out through JDA's REST calls, to
 * the real conversation engine (knowledge base, rules, charts, H2 case store) and back.
 */
class DiscordGatewayTest {
  private static final String CASE_STUDY = "src/test/resources/fixtures/case-study-2/";
  private static final String SYMPTOM = "SEP0024142DDF24 drops to the secondary every 16 minutes";
  private static final int PER_MINUTE = 6;
  private static final Pattern PERCENT = Pattern.compile("\\((\\d{1,3})%\\)$");
  private static final String OPENER = "regdoc case thread: reply in this thread to work on it.";
  private static final String OPENER_JA = "regdoc のケース用スレッドです。このスレッドに返信して作業を進めてください。";
  private static final String KANA = "[\\p{IsHiragana}\\p{IsKatakana}]";

  @TempDir static Path dataDir;
  private static LoopbackDiscord discord;
  private static BotRuntime runtime;
  private static DiscordAdapter.Running running;

  @BeforeAll
  static void start() throws Exception {
    discord = new LoopbackDiscord();
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            ChartIllustrator::new,
            Clock.systemUTC());
    DiscordSettings settings =
        discord.settings().withAllowlists(Set.of(GUILD), Set.of(CHANNEL)).withRateLimit(PER_MINUTE);
    // the rate limit's window does not move: every request of a user counts
    Clock still = Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC);
    running =
        DiscordAdapter.start(
            settings, runtime.engine(), Map.of("DISCORD_BOT_TOKEN", LoopbackDiscord.TOKEN), still);
  }

  @AfterAll
  static void stop() throws Exception {
    if (running != null) {
      running.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    discord.close();
  }

  @Test
  void startingRegistersTheSlashCommandInTheAllowedServerOnly() throws Exception {
    discord.awaitCall("PUT applications/" + BOT + "/guilds/" + GUILD + "/commands");
    assertThat(discord.restCalls)
        .noneMatch(c -> c.contains("guilds/" + LoopbackDiscord.OTHER_GUILD + "/commands"));
  }

  @Test
  void theSlashCommandIsDescribedInJapaneseForJapaneseDiscord() throws Exception {
    discord.awaitCall("PUT applications/" + BOT + "/guilds/" + GUILD + "/commands");
    JsonNode regdoc = discord.commands.get(0).get(0);
    assertThat(regdoc.path("description").asText())
        .isEqualTo("Troubleshoot a Cisco IP phone that unregisters from CUCM");
    assertThat(regdoc.path("description_localizations").path("ja").asText())
        .isEqualTo("CUCM から登録解除される Cisco IP 電話機の原因を調べる");
    for (JsonNode sub : regdoc.path("options")) {
      assertThat(sub.path("description_localizations").path("ja").asText())
          .as(sub.path("name").asText())
          .containsPattern(KANA);
      for (JsonNode o : sub.path("options")) {
        assertThat(o.path("description_localizations").path("ja").asText())
            .as(o.path("name").asText())
            .containsPattern(KANA);
      }
    }
  }

  @Test
  void aMentionOpensACaseInANewThreadOnTheMessage() throws Exception {
    String msg = discord.say(CHANNEL, "500000000000000001", "<@" + BOT + "> " + SYMPTOM);

    String thread = discord.awaitThreadOn(msg);
    assertThat(discord.parentOf(thread)).isEqualTo(CHANNEL);
    assertThat(discord.threadName(thread)).isEqualTo(SYMPTOM);
    LoopbackDiscord.Posted reply = discord.await(thread, p -> true);
    assertThat(reply.text())
        .containsPattern("I opened case \\*\\*#\\d+\\*\\*")
        .contains("Does the phone register with SIP or with SCCP (Skinny)?")
        .contains("button:SIP=regdoc:protocol:SIP", "button:SCCP=regdoc:protocol:SCCP");
    assertThat(reply.payload().path("allowed_mentions").path("parse")).isEmpty();
    assertThat(discord.posted)
        .as("nothing but /regdoc's thread openers goes into the channel itself")
        .noneMatch(
            p ->
                p.channel().equals(CHANNEL)
                    && !p.text().equals(OPENER)
                    && !p.text().equals(OPENER_JA));
  }

  @Test
  void aButtonPressAdvancesTheChecklistAndPlainRepliesInTheThreadNeedNoMention() throws Exception {
    String user = "500000000000000002";
    String thread = openCase(user, SYMPTOM);
    LoopbackDiscord.Posted question = discord.await(thread, p -> p.text().contains("button:SIP="));

    String press = discord.press(question, user, "regdoc:protocol:SIP", "en-US");
    discord.await(thread, p -> p.text().contains("CUCM version"));
    assertThat(discord.callbacks).as("acknowledged as a deferred update").contains(press + ":6");

    discord.say(thread, user, "14");
    LoopbackDiscord.Posted step1 = discord.await(thread, p -> p.text().contains("Step 1 of"));
    String done =
        step1
            .text()
            .lines()
            .filter(l -> l.startsWith("button:Done="))
            .findFirst()
            .orElseThrow()
            .substring("button:Done=".length());
    assertThat(done).startsWith("regdoc:step:done:");

    discord.press(step1, user, done, "en-US");
    LoopbackDiscord.Posted marked = discord.await(thread, p -> p.text().contains("as done"));
    assertThat(marked.text()).contains("Step 2 of");
  }

  @Test
  void theSlashCommandIsDeferredAndAnsweredInANewThread() throws Exception {
    String interaction =
        discord.slash(
            CHANNEL, "500000000000000003", "en-US", "case", "symptom", SYMPTOM + " (slash)");

    String thread = discord.awaitThreadNamed(SYMPTOM + " (slash)");
    assertThat(discord.posted)
        .as("regdoc posts the thread's opener itself")
        .anyMatch(p -> p.channel().equals(CHANNEL) && p.text().equals(OPENER));
    assertThat(discord.await(thread, p -> true).text())
        .containsPattern("I opened case \\*\\*#\\d+\\*\\*");
    assertThat(discord.callbacks).as("a deferred reply").contains(interaction + ":5");
    awaitTrue(() -> discord.originalEdits.contains("regdoc works on it in <#" + thread + ">."));
  }

  @Test
  void theSlashCommandWithAttachmentsOpensACaseAndAnalysesThem() throws Exception {
    byte[] pcap = Files.readAllBytes(Path.of(CASE_STUDY + "phone.pcap"));
    byte[] config = Files.readAllBytes(Path.of(CASE_STUDY + "switch-config.txt"));
    String pcapUrl = discord.serve("phone.pcap", pcap);
    String configUrl = discord.serve("switch-config.txt", config);
    discord.interact(
        discord.slashWithFiles(
            CHANNEL,
            "500000000000000013",
            "en-US",
            SYMPTOM + " (slash with files)",
            discord.attachment("phone.pcap", pcapUrl, pcap.length),
            discord.attachment("switch-config.txt", configUrl, config.length)));

    String thread = discord.awaitThreadNamed(SYMPTOM + " (slash with files)");
    LoopbackDiscord.Posted answer =
        discord.await(thread, p -> p.text().contains("1. Port-security aging on"));
    assertThat(answer.text()).contains("Code: `port-security-aging`");
    assertThat(discord.cdnRequests)
        .containsOnlyOnce(path(pcapUrl))
        .containsOnlyOnce(path(configUrl));
    awaitTrue(() -> discord.originalEdits.contains("regdoc works on it in <#" + thread + ">."));
  }

  @Test
  void caseStudyTwoAttachedInTheThreadIsDownloadedFromTheCdnAndAnsweredWithAPicture()
      throws Exception {
    String user = "500000000000000004";
    String thread = openCase(user, "new case");
    byte[] pcap = Files.readAllBytes(Path.of(CASE_STUDY + "phone.pcap"));
    byte[] config = Files.readAllBytes(Path.of(CASE_STUDY + "switch-config.txt"));
    String pcapUrl = discord.serve("phone.pcap", pcap);
    String configUrl = discord.serve("switch-config.txt", config);
    discord.say(
        thread,
        user,
        "",
        discord.attachment("phone.pcap", pcapUrl, pcap.length),
        discord.attachment("switch-config.txt", configUrl, config.length));

    LoopbackDiscord.Posted answer =
        discord.await(thread, p -> p.text().contains("1. Port-security aging on"));
    assertThat(answer.text()).contains("Code: `port-security-aging`");
    assertThat(answer.files())
        .anySatisfy(
            (name, content) -> {
              assertThat(name).endsWith(".png");
              assertThat(content).startsWith(0x89, 'P', 'N', 'G');
            });
    assertThat(discord.cdnRequests)
        .containsOnlyOnce(path(pcapUrl))
        .containsOnlyOnce(path(configUrl));
    LoopbackDiscord.Posted progress =
        discord.await(thread, p -> p.text().equals("Downloading phone.pcap, switch-config.txt…"));
    assertThat(discord.edited)
        .filteredOn(e -> e.id().equals(progress.id()))
        .extracting(LoopbackDiscord.Edited::content)
        .contains("Analysed phone.pcap, switch-config.txt.")
        .anySatisfy(t -> assertThat(t).startsWith("Reading 2 files"));
    List<Integer> percents =
        discord.edited.stream()
            .filter(e -> e.id().equals(progress.id()))
            .map(e -> PERCENT.matcher(e.content()))
            .filter(Matcher::find)
            .map(m -> Integer.parseInt(m.group(1)))
            .toList();
    assertThat(percents).as("progress edits").isNotEmpty();
    for (int i = 1; i < percents.size(); i++) {
      if (percents.get(i) < 100) {
        assertThat(percents.get(i) - percents.get(i - 1))
            .as("at most one edit per 10 %%: %s", percents)
            .isGreaterThanOrEqualTo(10);
      }
    }
  }

  @Test
  void anAttachmentOnAnotherHostIsNeverFetched() throws Exception {
    String user = "500000000000000005";
    String thread = openCase(user, "new case");
    String url = discord.serveElsewhere("elsewhere.pcap", new byte[16]);
    discord.say(thread, user, "", discord.attachment("elsewhere.pcap", url, 16));

    discord.await(
        thread, p -> p.text().contains("elsewhere.pcap is not on Discord's file host (localhost)"));
    assertThat(discord.elsewhereRequests).isEmpty();
  }

  @Test
  void anOversizeAttachmentIsRefusedBeforeDownload() throws Exception {
    String user = "500000000000000006";
    String thread = openCase(user, "new case");
    long limit = DiscordSettings.DISCORD_MAX_ATTACHMENT; // below regdoc's own 512 MB
    String url = discord.serve("huge.pcap", new byte[16]);
    discord.say(thread, user, "", discord.attachment("huge.pcap", url, limit + 1));

    LoopbackDiscord.Posted refusal = discord.await(thread, p -> p.text().contains("huge.pcap is "));
    assertThat(refusal.text()).contains("the limit is " + Sizes.human(limit), "not downloaded");
    assertThat(discord.cdnRequests).doesNotContain(path(url));
  }

  @Test
  void aServerOrChannelOutsideTheAllowlistsGetsNoReplyAndNoDownload() throws Exception {
    String user = "500000000000000007";
    String url = discord.serve("phone.pcap", new byte[16]);
    discord.say(OTHER_CHANNEL, user, "<@" + BOT + "> " + SYMPTOM);
    discord.say(
        FOREIGN_CHANNEL,
        user,
        "<@" + BOT + "> " + SYMPTOM,
        discord.attachment("phone.pcap", url, 16));
    // JDA hands events over in order and the allowlists are checked as they arrive: once a later
    // mention is answered, the two before it have been turned away
    openCase(user, "new case");

    assertThat(discord.posted)
        .noneMatch(p -> p.channel().equals(OTHER_CHANNEL) || p.channel().equals(FOREIGN_CHANNEL));
    assertThat(discord.restCalls)
        .noneMatch(c -> c.contains(OTHER_CHANNEL) || c.contains(FOREIGN_CHANNEL));
    assertThat(discord.cdnRequests).doesNotContain(path(url));
  }

  @Test
  void aUserPastTheRateLimitIsAskedToWait() throws Exception {
    String user = "500000000000000008";
    String thread = openCase(user, "new case");
    for (int i = 1; i < PER_MINUTE; i++) {
      discord.say(thread, user, "explain keepalive");
    }
    discord.say(thread, user, "explain keepalive");

    LoopbackDiscord.Posted wait =
        discord.await(thread, p -> p.text().contains("you are sending requests faster"));
    assertThat(wait.text()).contains("<@" + user + ">", PER_MINUTE + " a minute");
    awaitTrue(() -> answers(thread) == PER_MINUTE);
    assertThat(discord.posted)
        .filteredOn(p -> p.channel().equals(thread))
        .filteredOn(p -> p.text().contains("faster"))
        .hasSize(1);
  }

  @Test
  void aMessageDeliveredAgainAfterAResumeIsHandledOnce() throws Exception {
    String user = "500000000000000009";
    String id = discord.nextId();
    ObjectNode mention = discord.message(id, CHANNEL, user, "<@" + BOT + "> " + SYMPTOM);
    discord.say(mention);
    String thread = discord.awaitThreadOn(id);
    discord.await(thread, p -> true);

    discord.gateway.replayOnResume.add(mention);
    discord.gateway.dropAndAwaitResume();
    discord.gateway.replayOnResume.clear();
    assertThat(discord.gateway.received).anyMatch(m -> m.contains("\"op\":6"));
    String later = openCase("500000000000000010", "new case");

    assertThat(later).isNotEqualTo(thread);
    assertThat(discord.restCalls)
        .filteredOn(c -> c.equals("POST channels/" + CHANNEL + "/messages/" + id + "/threads"))
        .hasSize(1);
    assertThat(discord.posted).filteredOn(p -> p.channel().equals(thread)).hasSize(1);
  }

  @Test
  void aUserWhoseDiscordIsJapaneseKeepsJapaneseWhenTheyTypeAFileNameOrAShortWord()
      throws Exception {
    String user = "500000000000000011";
    discord.slash(CHANNEL, user, "ja", "case", "symptom", "電話機が16分ごとに落ちる");
    String thread = discord.awaitThreadNamed("電話機が16分ごとに落ちる");
    assertThat(discord.awaitNth(thread, 1).text()).containsPattern(KANA);

    discord.say(thread, user, "phone.pcap");
    assertThat(discord.awaitNth(thread, 2).text()).containsPattern(KANA);
    discord.say(thread, user, "yes please");
    assertThat(discord.awaitNth(thread, 3).text()).containsPattern(KANA);
  }

  @Test
  void aPostDiscordRateLimitsIsSentAgainAfterItsRetryAfterAndOnlyOnce() throws Exception {
    String user = "500000000000000012";
    String thread = openCase(user, "new case");
    discord.rateLimitIn = thread;
    discord.rateLimitPosts.set(1);
    discord.say(thread, user, "explain keepalive");

    discord.awaitNth(thread, 2);
    assertThat(discord.rateLimited).containsExactly(thread);
    assertThat(discord.restCalls)
        .filteredOn(c -> c.equals("POST channels/" + thread + "/messages"))
        .as("the first answer, the refused post and its retry")
        .hasSize(3);
    assertThat(discord.posted).filteredOn(p -> p.channel().equals(thread)).hasSize(2);
  }

  /** A case opened by a mention in CHANNEL; returns its thread once regdoc answered in it. */
  private static String openCase(String user, String text) throws Exception {
    String msg = discord.say(CHANNEL, user, "<@" + BOT + "> " + text);
    String thread = discord.awaitThreadOn(msg);
    discord.await(thread, p -> true);
    return thread;
  }

  private static long answers(String thread) {
    return discord.posted.stream()
        .filter(p -> p.channel().equals(thread) && !p.text().contains("faster"))
        .count();
  }

  private static void awaitTrue(BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(20);
    }
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
