package dev.regdoc.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.charts.ChartIllustrator;
import dev.regdoc.common.Sizes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord adapter's logic end to end, short of the gateway: JDA's real event and attachment
 * objects go through {@link DiscordEvents} and {@link DiscordRunner} to the real conversation
 * engine (knowledge base, rules, charts, H2 case store); what regdoc posts lands in {@link
 * FakeDiscord}, and attachments come from its loopback CDN.
 */
class DiscordAdapterTest {
  private static final String CASE_STUDY = "src/test/resources/fixtures/case-study-2/";
  private static final String SYMPTOM = "SEP0024142DDF24 drops to the secondary every 16 minutes";

  @TempDir static Path dataDir;
  private static FakeDiscord discord;
  private static BotRuntime runtime;
  private static DiscordRunner runner;
  private static DiscordEvents events;

  @BeforeAll
  static void start() throws Exception {
    discord = new FakeDiscord();
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            ChartIllustrator::new,
            Clock.systemUTC());
    DiscordSettings settings =
        DiscordSettings.defaults().withAllowedFileHosts(Set.of("127.0.0.1")).withRateLimit(1000);
    runner =
        new DiscordRunner(
            runtime.engine(), settings, new RequestGuards(Clock.systemUTC(), 1000), discord);
    events = new DiscordEvents(runner);
  }

  @AfterAll
  static void stop() {
    if (runner != null) {
      runner.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    discord.close();
  }

  @Test
  void aMentionOpensACaseInANewThreadOnTheMessage() throws Exception {
    MessageChannelUnion channel = discord.channel("600000000000000001");
    String msg = discord.nextId();
    events.onMessageReceived(
        discord.message(
            channel,
            "500000000000000001",
            msg,
            "<@" + FakeDiscord.BOT + "> " + SYMPTOM,
            List.of()));

    FakeDiscord.Opened thread = discord.awaitThread(o -> msg.equals(o.startMessage()));
    assertThat(thread.channel()).isEqualTo("600000000000000001");
    assertThat(thread.name()).isEqualTo(SYMPTOM);
    FakeDiscord.Sent reply = discord.await(thread.thread(), s -> true);
    assertThat(FakeDiscord.text(reply.message()))
        .containsPattern("I opened case \\*\\*#\\d+\\*\\*")
        .contains("Does the phone register with SIP or with SCCP (Skinny)?")
        .contains("button:SIP=regdoc:protocol:SIP", "button:SCCP=regdoc:protocol:SCCP");
    assertThat(discord.sent).noneMatch(s -> s.channel().equals("600000000000000001"));
  }

  @Test
  void aButtonPressAdvancesTheChecklistAndPlainRepliesInTheThreadNeedNoMention() throws Exception {
    MessageChannelUnion thread = openCase("600000000000000002", SYMPTOM);
    ButtonInteractionEvent sip = discord.press(thread, "500000000000000002", "regdoc:protocol:SIP");
    events.onButtonInteraction(sip);
    verify(sip.deferEdit()).queue();
    discord.await(thread.getId(), s -> FakeDiscord.text(s.message()).contains("CUCM version"));

    events.onMessageReceived(
        discord.message(thread, "500000000000000002", discord.nextId(), "14", List.of()));
    FakeDiscord.Sent step1 =
        discord.await(thread.getId(), s -> FakeDiscord.text(s.message()).contains("Step 1 of"));
    String done =
        FakeDiscord.text(step1.message())
            .lines()
            .filter(l -> l.startsWith("button:Done="))
            .findFirst()
            .orElseThrow()
            .substring("button:Done=".length());
    assertThat(done).startsWith("regdoc:step:done:");

    events.onButtonInteraction(discord.press(thread, "500000000000000002", done));
    FakeDiscord.Sent marked =
        discord.await(thread.getId(), s -> FakeDiscord.text(s.message()).contains("as done"));
    assertThat(FakeDiscord.text(marked.message())).contains("Step 2 of");
  }

  @Test
  void caseStudyTwoAttachedInTheThreadIsDownloadedFromTheCdnAndAnsweredWithAPicture()
      throws Exception {
    MessageChannelUnion thread = openCase("600000000000000003");
    byte[] pcap = Files.readAllBytes(Path.of(CASE_STUDY + "phone.pcap"));
    byte[] config = Files.readAllBytes(Path.of(CASE_STUDY + "switch-config.txt"));
    String pcapUrl = discord.serve("phone.pcap", pcap);
    String configUrl = discord.serve("switch-config.txt", config);
    events.onMessageReceived(
        discord.message(
            thread,
            "500000000000000003",
            discord.nextId(),
            "",
            List.of(
                FakeDiscord.attachment(discord.nextId(), "phone.pcap", pcapUrl, pcap.length),
                FakeDiscord.attachment(
                    discord.nextId(), "switch-config.txt", configUrl, config.length))));

    FakeDiscord.Sent answer =
        discord.await(
            thread.getId(),
            s ->
                s.message().embeds().stream()
                    .anyMatch(e -> e.getTitle() != null && e.getTitle().startsWith("1. ")));
    assertThat(FakeDiscord.text(answer.message()))
        .contains("1. Port-security aging on")
        .contains("Code: `port-security-aging`");
    assertThat(answer.message().files())
        .anySatisfy(
            f -> {
              assertThat(f.fileName()).endsWith(".png");
              assertThat(f.content()).startsWith(0x89, 'P', 'N', 'G');
            });
    assertThat(discord.downloads)
        .contains(path(pcapUrl), path(configUrl))
        .filteredOn(p -> p.equals(path(pcapUrl)))
        .hasSize(1);
    FakeDiscord.Sent progress =
        discord.await(
            thread.getId(),
            s -> s.message().content().equals("Downloading phone.pcap, switch-config.txt…"));
    assertThat(discord.edited)
        .filteredOn(e -> e.id().equals(progress.id()))
        .extracting(FakeDiscord.Edited::text)
        .contains("Analysed phone.pcap, switch-config.txt.")
        .anySatisfy(t -> assertThat(t).startsWith("Reading 2 files"));
  }

  @Test
  void anAttachmentOnAnotherHostIsNeverFetched() throws Exception {
    MessageChannelUnion thread = openCase("600000000000000004");
    String url = discord.serve("elsewhere.pcap", new byte[16]).replace("127.0.0.1", "localhost");
    events.onMessageReceived(
        discord.message(
            thread,
            "500000000000000004",
            discord.nextId(),
            "",
            List.of(FakeDiscord.attachment(discord.nextId(), "elsewhere.pcap", url, 16))));

    discord.await(
        thread.getId(),
        s ->
            s.message()
                .content()
                .contains("elsewhere.pcap is not on Discord's file host (localhost)"));
    assertThat(discord.downloads).doesNotContain(path(url));
  }

  @Test
  void anOversizeAttachmentIsRefusedBeforeDownload() throws Exception {
    MessageChannelUnion thread = openCase("600000000000000005");
    // the smaller of regdoc's limit (512 MB by default) and Discord's largest attachment (500 MB)
    long limit =
        Math.min(runtime.engine().maxUploadBytes(), DiscordSettings.DISCORD_MAX_ATTACHMENT);
    assertThat(limit).isEqualTo(DiscordSettings.DISCORD_MAX_ATTACHMENT);
    String url = discord.serve("huge.pcap", new byte[16]);
    events.onMessageReceived(
        discord.message(
            thread,
            "500000000000000005",
            discord.nextId(),
            "",
            List.of(FakeDiscord.attachment(discord.nextId(), "huge.pcap", url, (int) limit + 1))));

    FakeDiscord.Sent refusal =
        discord.await(thread.getId(), s -> s.message().content().contains("huge.pcap is "));
    assertThat(refusal.message().content())
        .contains("the limit is " + Sizes.human(limit), "not downloaded");
    assertThat(discord.downloads).doesNotContain(path(url));
  }

  @Test
  void aReplayedMessageIsHandledOnce() throws Exception {
    MessageChannelUnion channel = discord.channel("600000000000000006");
    String msg = discord.nextId();
    var event =
        discord.message(
            channel, "500000000000000006", msg, "<@" + FakeDiscord.BOT + "> new case", List.of());
    events.onMessageReceived(event);
    events.onMessageReceived(event);

    FakeDiscord.Opened t = discord.awaitThread(o -> msg.equals(o.startMessage()));
    discord.await(t.thread(), s -> true);
    Thread.sleep(500);
    assertThat(discord.opened).filteredOn(o -> msg.equals(o.startMessage())).hasSize(1);
    assertThat(discord.sent).filteredOn(s -> s.channel().equals(t.thread())).hasSize(1);
  }

  @Test
  void chatterOutsideCaseThreadsIsNotRegdocs() throws Exception {
    MessageChannelUnion channel = discord.channel("600000000000000007");
    MessageChannelUnion otherThread = discord.thread(discord.nextId(), "600000000000000007");
    events.onMessageReceived(
        discord.message(channel, "500000000000000007", discord.nextId(), "SIP", List.of()));
    events.onMessageReceived(
        discord.message(otherThread, "500000000000000007", discord.nextId(), "SIP", List.of()));
    Thread.sleep(500);
    assertThat(discord.sent)
        .noneMatch(
            s -> s.channel().equals(channel.getId()) || s.channel().equals(otherThread.getId()));
    assertThat(discord.opened).noneMatch(o -> o.channel().equals(channel.getId()));
  }

  @Test
  void theSlashCommandIsDeferredAtOnceAndOpensACaseInANewThread() throws Exception {
    MessageChannelUnion channel = discord.channel("600000000000000008");
    SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
    when(e.getName()).thenReturn("regdoc");
    when(e.getSubcommandName()).thenReturn("case");
    String id = discord.nextId();
    when(e.getId()).thenReturn(id);
    when(e.getChannel()).thenReturn(channel);
    when(e.getChannelType()).thenReturn(ChannelType.TEXT);
    Guild g = mock(Guild.class);
    when(g.getId()).thenReturn(FakeDiscord.GUILD);
    when(e.getGuild()).thenReturn(g);
    User u = FakeDiscord.user("500000000000000008");
    when(e.getUser()).thenReturn(u);
    when(e.getUserLocale()).thenReturn(DiscordLocale.JAPANESE);
    ReplyCallbackAction deferred = mock(ReplyCallbackAction.class);
    when(e.deferReply(true)).thenReturn(deferred);
    when(e.getToken()).thenReturn("interaction-token-" + id);

    events.onSlashCommandInteraction(e);
    verify(deferred).queue();

    FakeDiscord.Opened thread = discord.awaitThread(o -> o.channel().equals("600000000000000008"));
    assertThat(thread.startMessage()).as("regdoc posts the thread's opener itself").isNull();
    FakeDiscord.Sent reply = discord.await(thread.thread(), s -> true);
    assertThat(FakeDiscord.text(reply.message()))
        .as(
            "the user's Discord is Japanese: the command's own words (\"new case\") do not outvote"
                + " it")
        .containsPattern("ケース \\*\\*#\\d+\\*\\* を作成しました");
    discord.awaitCompleted(1);
    assertThat(discord.completed)
        .containsExactly(
            new FakeDiscord.Completed(
                "interaction-token-" + id, "<#" + thread.thread() + "> で regdoc が対応します。"));
  }

  /** A case opened by a mention; returns its thread as JDA shows it. */
  private static MessageChannelUnion openCase(String channelId) throws Exception {
    return openCase(channelId, "new case");
  }

  private static MessageChannelUnion openCase(String channelId, String text) throws Exception {
    MessageChannelUnion channel = discord.channel(channelId);
    String msg = discord.nextId();
    events.onMessageReceived(
        discord.message(
            channel, "500000000000000099", msg, "<@" + FakeDiscord.BOT + "> " + text, List.of()));
    FakeDiscord.Opened o = discord.awaitThread(x -> msg.equals(x.startMessage()));
    discord.await(o.thread(), s -> true);
    return discord.thread(o.thread(), channelId);
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
