package dev.regdoc.adapter.discord;

import static dev.regdoc.testing.SharedStoreEngines.PASSWORD;
import static dev.regdoc.testing.SharedStoreEngines.URL;
import static dev.regdoc.testing.SharedStoreEngines.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.ConversationEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.testing.SharedStoreEngines;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Discord instances on one PostgreSQL, each with its own runner and conversation engine on the
 * same Discord ({@link FakeDiscord}). A message or /regdoc with attachments is queued as an
 * analysis job; the instance that took it dies (its lease is no longer renewed, its workers stop);
 * the other takes the job over once the lease runs out and answers it once, in the same thread,
 * with the right diagnosis, completing the command's deferred reply once. Runs when
 * REGDOC_TEST_PG_URL names a database (bot/test starts one).
 */
class DiscordQueuedAnalysisTest {
  private static final Path CASE2 = Path.of("src/test/resources/fixtures/case-study-2");
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final String CHANNEL = "600000000000000301";

  @TempDir Path dir;
  private String schema;
  private FakeDiscord discord;
  private SharedStoreEngines instances;
  private final List<DiscordRunner> runners = new ArrayList<>();
  private final CountDownLatch firstStuck = new CountDownLatch(1);

  @BeforeEach
  void schema() throws Exception {
    assumeTrue(
        URL != null && !URL.isBlank(),
        "REGDOC_TEST_PG_URL is not set, so the queued Discord analysis test is skipped"
            + " (bot/test sets it when it can start PostgreSQL 15)");
    schema = "discordq_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
    sql("CREATE SCHEMA " + schema);
    instances = new SharedStoreEngines(URL, USER, PASSWORD, schema, dir, LEASE);
    discord = new FakeDiscord();
  }

  @AfterEach
  void stopAll() throws Exception {
    runners.forEach(DiscordRunner::close);
    if (instances != null) {
      instances.close();
    }
    if (discord != null) {
      discord.close();
    }
    if (schema != null) {
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aMentionWithAttachmentsWhoseInstanceDiesMidAnalysisIsAnsweredOnceByTheOther()
      throws Exception {
    // GIVEN a mention with case study 2's files, taken by the first instance, stuck in its analysis
    ConversationEngine first = engine("first");
    DiscordEvents firstEvents = events(stuckInAnalysis(first), discord, Clock.systemUTC());
    String msg = discord.nextId();
    firstEvents.onMessageReceived(
        discord.message(
            discord.channel(CHANNEL),
            "500000000000000301",
            msg,
            "<@" + FakeDiscord.BOT + "> SEP0024142DDF24 drops every 16 minutes",
            caseStudyTwo()));
    awaitStuck(first);

    // WHEN the first instance dies, and the second starts
    die(first);
    events(engine("second"), discord, Clock.systemUTC());

    // THEN the second answers in the thread opened on the message, once, the right diagnosis
    FakeDiscord.Opened thread = discord.awaitThread(o -> msg.equals(o.startMessage()));
    assertOneDiagnosisIn(thread.thread());
    assertThat(jobs()).containsExactly("done second 2");
  }

  @Test
  void aMentionWhoseInstanceDiedRightAfterOpeningItsThreadIsAnsweredInThatThread()
      throws Exception {
    // GIVEN a mention with files, whose instance dies once Discord opened the thread on it, before
    // the thread is recorded with the job
    ConversationEngine first = engine("first");
    CountDownLatch opened = new CountDownLatch(1);
    DiscordEvents firstEvents =
        events(stuckInAnalysis(first), diesOpening(opened, true), Clock.systemUTC());
    String msg = discord.nextId();
    firstEvents.onMessageReceived(
        discord.message(
            discord.channel(CHANNEL),
            "500000000000000303",
            msg,
            "<@" + FakeDiscord.BOT + "> SEP0024142DDF24 drops every 16 minutes",
            caseStudyTwo()));
    assertThat(opened.await(60, TimeUnit.SECONDS)).as("the first instance opened it").isTrue();
    die(first);

    // WHEN the second instance takes the job over (Discord refuses a second thread on a message)
    events(engine("second"), discord, Clock.systemUTC());

    // THEN it answers in the thread the first opened, once
    assertOneDiagnosisIn(msg);
    assertThat(jobs()).containsExactly("done second 2");
  }

  @Test
  void aSlashCommandWithAttachmentsWhoseInstanceDiesMidAnalysisIsAnsweredOnceByTheOther()
      throws Exception {
    // GIVEN /regdoc case with two attachments, taken by the first instance, stuck in its analysis
    ConversationEngine first = engine("first");
    DiscordEvents firstEvents = events(stuckInAnalysis(first), discord, Clock.systemUTC());
    SlashCommandInteractionEvent slash = slash(caseStudyTwo());
    firstEvents.onSlashCommandInteraction(slash);
    awaitStuck(first);

    // WHEN the first instance dies, and the second starts
    die(first);
    events(engine("second"), discord, Clock.systemUTC());

    // THEN one thread, one diagnosis in it, and the deferred reply completed once, naming it
    FakeDiscord.Opened thread = discord.awaitThread(o -> o.channel().equals(CHANNEL));
    assertOneDiagnosisIn(thread.thread());
    assertThat(discord.completed)
        .containsExactly(
            new FakeDiscord.Completed(
                slash.getToken(), "regdoc works on it in <#" + thread.thread() + ">."));
    assertThat(jobs()).containsExactly("done second 2");
  }

  @Test
  void aSlashCommandReplayedToTheOtherInstanceAfterItsInstanceDiedHasItsDeferredReplyCompleted()
      throws Exception {
    // GIVEN /regdoc case deferred by the first instance, which dies before it opens the thread
    ConversationEngine first = engine("first");
    CountDownLatch opening = new CountDownLatch(1);
    DiscordEvents firstEvents =
        events(stuckInAnalysis(first), diesOpening(opening, false), Clock.systemUTC());
    SlashCommandInteractionEvent slash = slash(List.of());
    firstEvents.onSlashCommandInteraction(slash);
    assertThat(opening.await(60, TimeUnit.SECONDS)).as("the first instance opens").isTrue();
    die(first);

    // WHEN Discord delivers the interaction again, to the second instance
    DiscordEvents second = events(engine("second"), discord, Clock.systemUTC());
    second.onSlashCommandInteraction(slash);

    // THEN the deferred reply is completed once, naming the one thread the case is answered in
    FakeDiscord.Opened thread = discord.awaitThread(o -> o.channel().equals(CHANNEL));
    discord.await(thread.thread(), s -> FakeDiscord.text(s.message()).contains("I opened case"));
    discord.awaitCompleted(1);
    Thread.sleep(1000);
    assertThat(discord.completed)
        .containsExactly(
            new FakeDiscord.Completed(
                slash.getToken(), "regdoc works on it in <#" + thread.thread() + ">."));
    assertThat(discord.opened).hasSize(1);
    assertThat(discord.sent).filteredOn(s -> s.channel().equals(thread.thread())).hasSize(1);
  }

  @Test
  void aDeferredReplyWhoseTokenExpiredBeforeTheTakeoverIsPostedInTheChannelInstead()
      throws Exception {
    // GIVEN /regdoc case deferred by the first instance, which dies before it opens the thread
    ConversationEngine first = engine("first");
    CountDownLatch opening = new CountDownLatch(1);
    DiscordEvents firstEvents =
        events(stuckInAnalysis(first), diesOpening(opening, false), Clock.systemUTC());
    SlashCommandInteractionEvent slash = slash(List.of());
    firstEvents.onSlashCommandInteraction(slash);
    assertThat(opening.await(60, TimeUnit.SECONDS)).as("the first instance opens").isTrue();
    die(first);

    // WHEN the second instance takes the job over after Discord's 15 minutes for the token
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16));
    events(engine("second"), discord, late);

    // THEN what the deferred reply would have said is posted in the channel, once
    FakeDiscord.Opened thread = discord.awaitThread(o -> o.channel().equals(CHANNEL));
    FakeDiscord.Sent said =
        discord.await(CHANNEL, s -> s.message().content().startsWith("regdoc works on it in"));
    discord.await(thread.thread(), s -> FakeDiscord.text(s.message()).contains("I opened case"));
    Thread.sleep(1000);
    assertThat(said.message().content())
        .isEqualTo("regdoc works on it in <#" + thread.thread() + ">.");
    assertThat(discord.completed).isEmpty();
    assertThat(discord.sent).filteredOn(s -> s.channel().equals(CHANNEL)).hasSize(1);
  }

  /**
   * Waits for the diagnosis in {@code thread}, then checks it is the right one and the only one.
   */
  private void assertOneDiagnosisIn(String thread) throws InterruptedException {
    FakeDiscord.Sent answer = discord.await(thread, DiscordQueuedAnalysisTest::diagnosis);
    Thread.sleep(1000); // a second answer, if any, would come now
    assertThat(FakeDiscord.text(answer.message())).contains("Code: `port-security-aging`");
    assertAnsweredOnce(thread);
    assertThat(discord.opened).hasSize(1);
  }

  private void assertAnsweredOnce(String thread) {
    assertThat(discord.sent)
        .filteredOn(s -> s.channel().equals(thread))
        .filteredOn(DiscordQueuedAnalysisTest::diagnosis)
        .hasSize(1);
    assertThat(discord.sent)
        .filteredOn(s -> s.channel().equals(thread))
        .filteredOn(s -> s.message().content().startsWith("Downloading "))
        .as("one progress message, carried over by the takeover")
        .hasSize(1);
  }

  private static boolean diagnosis(FakeDiscord.Sent s) {
    return s.message().embeds().stream()
        .anyMatch(e -> e.getTitle() != null && e.getTitle().startsWith("1. "));
  }

  private List<Message.Attachment> caseStudyTwo() throws Exception {
    byte[] pcap = Files.readAllBytes(CASE2.resolve("phone.pcap"));
    byte[] config = Files.readAllBytes(CASE2.resolve("switch-config.txt"));
    return List.of(
        FakeDiscord.attachment(
            discord.nextId(), "phone.pcap", discord.serve("phone.pcap", pcap), pcap.length),
        FakeDiscord.attachment(
            discord.nextId(),
            "switch-config.txt",
            discord.serve("switch-config.txt", config),
            config.length));
  }

  /** JDA's event of /regdoc case with attachments, made just now in the test channel. */
  private SlashCommandInteractionEvent slash(List<Message.Attachment> files) {
    MessageChannelUnion channel = discord.channel(CHANNEL);
    SlashCommandInteractionEvent e = mock(SlashCommandInteractionEvent.class);
    when(e.getName()).thenReturn("regdoc");
    when(e.getSubcommandName()).thenReturn("case");
    String id = discord.nextId();
    when(e.getId()).thenReturn(id);
    when(e.getToken()).thenReturn("interaction-token-" + id);
    when(e.getTimeCreated()).thenReturn(OffsetDateTime.now(ZoneOffset.UTC));
    when(e.getChannel()).thenReturn(channel);
    when(e.getChannelType()).thenReturn(ChannelType.TEXT);
    Guild g = mock(Guild.class);
    when(g.getId()).thenReturn(FakeDiscord.GUILD);
    when(e.getGuild()).thenReturn(g);
    User u = FakeDiscord.user("500000000000000302");
    when(e.getUser()).thenReturn(u);
    when(e.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
    ReplyCallbackAction deferred = mock(ReplyCallbackAction.class);
    when(e.deferReply(true)).thenReturn(deferred);
    List<OptionMapping> options = new ArrayList<>();
    for (Message.Attachment a : files) {
      OptionMapping o = mock(OptionMapping.class);
      when(o.getType()).thenReturn(OptionType.ATTACHMENT);
      when(o.getAsAttachment()).thenReturn(a);
      options.add(o);
    }
    when(e.getOptionsByType(OptionType.ATTACHMENT)).thenReturn(options);
    return e;
  }

  private DiscordEvents events(ChatEngine engine, DiscordPort port, Clock clock) {
    DiscordSettings settings =
        DiscordSettings.defaults().withAllowedFileHosts(Set.of("127.0.0.1")).withRateLimit(1000);
    DiscordRunner runner =
        new DiscordRunner(engine, settings, new RequestGuards(clock, 1000), port, clock);
    runners.add(runner);
    return new DiscordEvents(runner);
  }

  private ConversationEngine engine(String name) {
    return instances.engine(name);
  }

  /** The instance's analyses never end (until it dies); everything else is the engine's own. */
  private ChatEngine stuckInAnalysis(ChatEngine engine) {
    return (ChatEngine)
        Proxy.newProxyInstance(
            ChatEngine.class.getClassLoader(),
            new Class<?>[] {ChatEngine.class},
            (proxy, method, args) -> {
              if (method.getName().equals("handle") && !((Incoming) args[0]).uploads().isEmpty()) {
                firstStuck.countDown();
                blockForever();
              }
              try {
                return method.invoke(engine, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** A dead instance's thread: it never returns, not even when it is interrupted. */
  private static void blockForever() {
    while (true) {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        // a dead instance does nothing more
      }
    }
  }

  /**
   * Discord as the first instance sees it: it dies when it opens the case's thread, before Discord
   * opened it or, with {@code afterOpening}, right after.
   */
  private DiscordPort diesOpening(CountDownLatch reached, boolean afterOpening) {
    return new DiscordPort() {
      @Override
      public String openThread(String channel, String startMessage, String name, String opener)
          throws IOException {
        if (afterOpening) {
          discord.openThread(channel, startMessage, name, opener);
        }
        reached.countDown();
        blockForever();
        return null;
      }

      @Override
      public String send(String channel, DiscordMessage message, String nonce) {
        return discord.send(channel, message, nonce);
      }

      @Override
      public void edit(String channel, String messageId, String text) {
        discord.edit(channel, messageId, text);
      }

      @Override
      public void completeInteraction(String token, String text) {
        discord.completeInteraction(token, text);
      }
    };
  }

  private void awaitStuck(ConversationEngine first) throws Exception {
    assertThat(firstStuck.await(30, TimeUnit.SECONDS))
        .as("the first instance analyses the attachments")
        .isTrue();
    await(
        () -> jobs().equals(List.of("running first 1")),
        "the analysis is a job the first instance holds; jobs: " + jobs());
  }

  /** Dies as a killed instance would: its leases are no longer renewed, its workers stop. */
  private void die(ConversationEngine engine) {
    engine.abandonSharing();
    runners.get(0).close();
  }

  private static void await(Supplier<Boolean> done, String what) throws Exception {
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.get()) {
      assertThat(Instant.now()).as(what).isBefore(end);
      Thread.sleep(100);
    }
  }

  private List<String> jobs() {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute("SET search_path TO " + schema);
      try (ResultSet rs =
          st.executeQuery(
              "SELECT state || ' ' || owner || ' ' || attempts FROM analysis_jobs ORDER BY id")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
