package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.bot.BotConfig;
import dev.regdoc.bot.BotRuntime;
import dev.regdoc.common.Sizes;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Illustrator;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * regdoc's Bolt app in HTTP mode on 127.0.0.1, fed signed Slack payloads, answering with the real
 * conversation engine (knowledge base, rules, H2 case store) and talking to {@link FakeSlack}; the
 * assertions are on what regdoc posted into the case threads.
 */
class SlackHttpModeTest {
  static final String SECRET = "test-signing-secret";
  private static final String PCAP = "src/test/resources/fixtures/case-study-2/phone.pcap";
  private static final String CONFIG = "src/test/resources/fixtures/case-study-2/switch-config.txt";

  @TempDir static Path dataDir;

  private static FakeSlack slack;
  private static BotRuntime runtime;
  private static Recorder engine;
  private static SlackAdapter.Running adapter;

  /** The real engine, with a record of what reached it (to prove what did not). */
  static final class Recorder implements ChatEngine {
    final List<Incoming> received = new CopyOnWriteArrayList<>();
    private final ChatEngine real;

    Recorder(ChatEngine real) {
      this.real = real;
    }

    @Override
    public Reply handle(Incoming in, ProgressSink progress) {
      received.add(in);
      return real.handle(in, progress);
    }

    @Override
    public boolean hasCase(String conversation) {
      return real.hasCase(conversation);
    }

    @Override
    public String language(Incoming in) {
      return real.language(in);
    }

    @Override
    public String phrase(String key, String lang, Object... values) {
      return real.phrase(key, lang, values);
    }

    @Override
    public long maxUploadBytes() {
      return real.maxUploadBytes();
    }

    @Override
    public Optional<Path> lessonFile(String lesson, String file) {
      return real.lessonFile(lesson, file);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlack();
    runtime =
        BotRuntime.start(
            BotConfig.of(Map.of("data.dir", dataDir.toString())),
            Path.of("knowledge-base"),
            Path.of("rules"),
            Illustrator.NONE,
            Clock.systemUTC());
    engine = new Recorder(runtime.engine());
    SlackSettings settings =
        SlackSettings.defaults()
            .withHttp("127.0.0.1", 0)
            .withApiBaseUrl(slack.apiBase())
            .withAllowedFileHosts(Set.of("127.0.0.1"))
            .withRateLimit(1000);
    adapter =
        SlackAdapter.start(
            settings,
            engine,
            Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET));
  }

  @AfterAll
  static void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    slack.close();
  }

  @Test
  void aMentionOpensACaseInItsOwnThreadAndAsksForTheProtocol() throws Exception {
    HttpResponse<String> r =
        sendEvent(
            "Ev-mention",
            mention(
                "C1",
                "1700000000.000100",
                "<@U0REGDOC> SEP0024142DDF24 drops to the secondary every 16 minutes"));

    assertThat(r.statusCode()).isEqualTo(200);
    FakeSlack.Call reply =
        slack.await("/api/chat.postMessage", c -> "1700000000.000100".equals(c.param("thread_ts")));
    assertThat(reply.param("channel")).isEqualTo("C1");
    assertThat(reply.auth()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
    assertThat(FakeSlack.blockTexts(reply))
        .anySatisfy(
            t ->
                assertThat(t)
                    .matches(
                        "I opened case \\*#\\d+\\*\\. Anyone can join it with \\*case \\d+\\*\\."))
        .contains(
            "Does the phone register with SIP or with SCCP (Skinny)?",
            "button:SIP=protocol:SIP",
            "button:SCCP=protocol:SCCP");
    assertThat(engine.received)
        .anySatisfy(
            in -> {
              assertThat(in.conversation()).isEqualTo("slack:T0TEST:C1:1700000000.000100");
              assertThat(in.user()).isEqualTo("slack:U1");
              assertThat(in.text())
                  .isEqualTo("SEP0024142DDF24 drops to the secondary every 16 minutes");
            });
  }

  @Test
  void buttonsComeBackAsTheEnginesOwnActionsInTheSameThread() throws Exception {
    String thread = "1700000299.000100";
    sendEvent(
        "Ev-open-C2",
        mention(
            "C2", thread, "<@U0REGDOC> SEP0024142DDF24 drops to the secondary every 16 minutes"));
    slack.await("/api/chat.postMessage", c -> thread.equals(c.param("thread_ts")));

    sendAction("C2", thread, "protocol:SIP", "1700000301.1");
    slack.await(
        "/api/chat.postMessage",
        c -> thread.equals(c.param("thread_ts")) && c.param("text").contains("CUCM version"));
    sendEvent("Ev-version-C2", threadMessage("C2", thread, "1700000302.000100", "14"));
    FakeSlack.Call step1 =
        slack.await(
            "/api/chat.postMessage",
            c -> thread.equals(c.param("thread_ts")) && c.param("text").contains("Step 1 of"));
    String done =
        FakeSlack.blockTexts(step1).stream()
            .filter(t -> t.startsWith("button:Done="))
            .findFirst()
            .orElseThrow()
            .substring("button:Done=".length());
    assertThat(done).startsWith("step:done:");
    assertThat(FakeSlack.blockTexts(step1)).contains("button:Skip=" + done.replace("done", "skip"));

    sendAction("C2", thread, done, "1700000303.1");
    FakeSlack.Call marked =
        slack.await(
            "/api/chat.postMessage",
            c -> thread.equals(c.param("thread_ts")) && c.param("text").contains("as done"));
    assertThat(marked.param("text")).contains("Step 2 of");
    assertThat(engine.received)
        .anySatisfy(
            in -> {
              assertThat(in.action()).isEqualTo(done);
              assertThat(in.conversation()).isEqualTo("slack:T0TEST:C2:" + thread);
            });
  }

  @Test
  void aCaptureAndASwitchConfigSharedInTheCaseThreadAreDownloadedAnalysedAndAnswered()
      throws Exception {
    openCase("C3", "1700000400.000100");
    byte[] pcap = Files.readAllBytes(Path.of(PCAP));
    byte[] config = Files.readAllBytes(Path.of(CONFIG));
    String pcapUrl = slack.serveFile("F3", "phone.pcap", pcap);
    String configUrl = slack.serveFile("F3C", "switch-config.txt", config);
    sendEvent(
        "Ev-share",
        fileShare(
            "C3",
            "1700000400.000100",
            file("F3", "phone.pcap", pcap.length, pcapUrl)
                + ","
                + file("F3C", "switch-config.txt", config.length, configUrl)));

    FakeSlack.Call answer =
        slack.await(
            "/api/chat.postMessage",
            c ->
                "1700000400.000100".equals(c.param("thread_ts"))
                    && c.param("blocks") != null
                    && c.param("blocks").contains("header"));
    List<String> texts = FakeSlack.blockTexts(answer);
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("1. Port-security aging on"));
    assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("`port-security-aging`"));
    assertThat(slack.calls(path(pcapUrl)))
        .singleElement()
        .satisfies(c -> assertThat(c.auth()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN));
    assertThat(slack.calls(path(configUrl))).hasSize(1);
    FakeSlack.Call progress =
        slack.await(
            "/api/chat.postMessage",
            c -> "Downloading phone.pcap, switch-config.txt…".equals(c.param("text")));
    slack.await("/api/chat.update", c -> c.param("text").startsWith("Reading 2 files"));
    slack.await(
        "/api/chat.update",
        c ->
            c.param("text").equals("Analysed phone.pcap, switch-config.txt.")
                && progress.param("channel").equals(c.param("channel")));
  }

  @Test
  void aFileSharedEventIsResolvedWithFilesInfoAndAnswered() throws Exception {
    openCase("C4", "1700000500.000100");
    byte[] pcap = Files.readAllBytes(Path.of(PCAP));
    String url = slack.serveFile("F4", "phone4.pcap", pcap);
    slack.fileInfo(
        "F4",
        "{\"id\":\"F4\",\"name\":\"phone4.pcap\",\"size\":"
            + pcap.length
            + ",\"url_private_download\":\""
            + url
            + "\",\"shares\":{\"public\":{\"C4\":"
            + "[{\"ts\":\"1700000501.000100\",\"thread_ts\":\"1700000500.000100\"}]}}}");
    sendEvent(
        "Ev-file-shared",
        "{\"type\":\"file_shared\",\"file_id\":\"F4\",\"user_id\":\"U1\",\"file\":{\"id\":\"F4\"},"
            + "\"channel_id\":\"C4\",\"event_ts\":\"1700000501.000200\"}");

    FakeSlack.Call answer =
        slack.await(
            "/api/chat.postMessage",
            c ->
                "1700000500.000100".equals(c.param("thread_ts"))
                    && c.param("blocks") != null
                    && c.param("blocks").contains("header"));
    assertThat(FakeSlack.blockTexts(answer))
        .anySatisfy(t -> assertThat(t).startsWith("`port-security-aging`"));
    assertThat(slack.calls("/api/files.info"))
        .anySatisfy(c -> assertThat(c.param("file")).isEqualTo("F4"));
    assertThat(engine.received)
        .anySatisfy(
            in -> {
              assertThat(in.conversation()).isEqualTo("slack:T0TEST:C4:1700000500.000100");
              assertThat(in.uploads())
                  .singleElement()
                  .satisfies(u -> assertThat(u.name()).isEqualTo("phone4.pcap"));
            });
  }

  @Test
  void aBadSignatureIsRefusedAndNothingIsAnswered() throws Exception {
    int before = engine.received.size();
    HttpResponse<String> wrong =
        send(
            envelope("Ev-forged", mention("C5", "1700000600.000100", "<@U0REGDOC> hi")),
            "application/json",
            "not-the-secret",
            now(),
            Map.of());
    HttpResponse<String> stale =
        send(
            envelope("Ev-stale", mention("C5", "1700000601.000100", "<@U0REGDOC> hi")),
            "application/json",
            SECRET,
            now() - 600,
            Map.of());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(stale.statusCode()).isEqualTo(401);
    Thread.sleep(500);
    assertThat(engine.received).filteredOn(in -> in.conversation().contains(":C5:")).isEmpty();
    assertThat(slack.posts()).noneMatch(c -> "C5".equals(c.param("channel")));
  }

  @Test
  void anOversizedFileIsRefusedBeforeDownload() throws Exception {
    openCase("C6", "1700000700.000100");
    long tooBig = engine.maxUploadBytes() + 1;
    String url = slack.serveFile("F6", "huge.pcap", new byte[16]);
    sendEvent(
        "Ev-huge", fileShare("C6", "1700000700.000100", file("F6", "huge.pcap", tooBig, url)));

    FakeSlack.Call refusal =
        slack.await("/api/chat.postMessage", c -> c.param("text").contains("huge.pcap is "));
    assertThat(refusal.param("thread_ts")).isEqualTo("1700000700.000100");
    assertThat(refusal.param("text"))
        .contains("the limit is " + Sizes.human(engine.maxUploadBytes()), "not downloaded");
    assertThat(slack.calls(path(url))).isEmpty();
  }

  @Test
  void aFileLinkOnAHostThatIsNotAllowedIsNeverFetched() throws Exception {
    openCase("C7", "1700000800.000100");
    // same fake server, but named "localhost": only 127.0.0.1 is allowed, so a fetch would show up
    // in the fake's log
    String url =
        slack.serveFile("F7", "elsewhere.pcap", new byte[16]).replace("127.0.0.1", "localhost");
    sendEvent(
        "Ev-elsewhere",
        fileShare("C7", "1700000800.000100", file("F7", "elsewhere.pcap", 16, url)));

    FakeSlack.Call refusal =
        slack.await(
            "/api/chat.postMessage",
            c -> c.param("text").contains("elsewhere.pcap is not on Slack's file host"));
    assertThat(refusal.param("thread_ts")).isEqualTo("1700000800.000100");
    assertThat(slack.calls(path(url))).isEmpty();
  }

  @Test
  void aRetriedEventIsHandledOnce() throws Exception {
    String event =
        envelope("Ev-retried", mention("C8", "1700000900.000100", "<@U0REGDOC> new case"));
    assertThat(send(event, "application/json", SECRET, now(), Map.of()).statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    event,
                    "application/json",
                    SECRET,
                    now(),
                    Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode())
        .isEqualTo(200);

    slack.await("/api/chat.postMessage", c -> "1700000900.000100".equals(c.param("thread_ts")));
    Thread.sleep(700);
    assertThat(slack.posts())
        .filteredOn(c -> "1700000900.000100".equals(c.param("thread_ts")))
        .hasSize(1);
    assertThat(engine.received)
        .filteredOn(in -> in.conversation().endsWith(":C8:1700000900.000100"))
        .hasSize(1);
  }

  @Test
  void aLessonsFilesAreUploadedToItsThread() throws Exception {
    String thread = "1700001000.000100";
    String lesson = "case-1-2-proxy-arp";
    sendEvent("Ev-teach", mention("C10", thread, "<@U0REGDOC> teach me"));
    slack.await(
        "/api/chat.postMessage",
        c -> thread.equals(c.param("thread_ts")) && c.param("text").contains("Pick a lesson"));

    sendAction("C10", thread, "lesson:" + lesson, "1700001001.1");
    FakeSlack.Call intro =
        slack.await(
            "/api/chat.postMessage",
            c -> thread.equals(c.param("thread_ts")) && c.param("text").contains("Question 1 of"));
    List<String> files = List.of("asa-config.txt", "cucm-syslog.log", "cucm.pcap", "phone.pcap");
    assertThat(FakeSlack.blockTexts(intro))
        .contains(":paperclip: `asa-config.txt` · `cucm-syslog.log` · `cucm.pcap` · `phone.pcap`");
    assertThat(intro.param("text") + intro.param("blocks"))
        .doesNotContain(Path.of("").toAbsolutePath().toString())
        .doesNotContain("knowledge-base/");
    for (String name : files) {
      slack.await("/api/files.getUploadURLExternal", c -> name.equals(c.param("filename")));
    }
    List<byte[]> uploaded =
        slack.awaitCalls(c -> c.path().startsWith("/upload/"), files.size()).stream()
            .map(FakeSlack.Call::body)
            .toList();
    for (String name : files) {
      byte[] content = Files.readAllBytes(Path.of("knowledge-base/lessons", lesson, name));
      assertThat(uploaded).as(name).anyMatch(b -> Arrays.equals(b, content));
    }
    // each upload is completed after its bytes are sent: wait for every completion, not the bytes
    assertThat(
            slack.awaitCalls(
                c ->
                    c.path().equals("/api/files.completeUploadExternal")
                        && thread.equals(c.param("thread_ts")),
                files.size()))
        .hasSize(files.size())
        .allSatisfy(c -> assertThat(c.param("channel_id")).isEqualTo("C10"));
  }

  @Test
  void theSlashCommandOpensACaseInItsOwnThread() throws Exception {
    String form =
        "token=x&team_id=T0TEST&team_domain=test&channel_id=C9&channel_name=voice&user_id=U9&user_name=kim"
            + "&command=%2Fregdoc&text=&api_app_id=A1&trigger_id=tr-cmd-1&response_url="
            + URLEncoder.encode(slack.base() + "/resp", StandardCharsets.UTF_8);
    assertThat(
            send(form, "application/x-www-form-urlencoded", SECRET, now(), Map.of()).statusCode())
        .isEqualTo(200);

    FakeSlack.Call opener =
        slack.await(
            "/api/chat.postMessage",
            c -> "C9".equals(c.param("channel")) && c.param("thread_ts") == null);
    FakeSlack.Call reply =
        slack.await(
            "/api/chat.postMessage",
            c -> "C9".equals(c.param("channel")) && c.param("thread_ts") != null);
    assertThat(reply.param("thread_ts")).startsWith("1700000");
    assertThat(reply.param("text")).contains("I opened case", "Which phone is it?");
    assertThat(opener.param("text")).contains("case thread");
  }

  private static void openCase(String channel, String ts) throws Exception {
    sendEvent("Ev-open-" + channel, mention(channel, ts, "<@U0REGDOC> new case"));
    slack.await("/api/chat.postMessage", c -> ts.equals(c.param("thread_ts")));
  }

  static String mention(String channel, String ts, String text) {
    return "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\""
        + text
        + "\",\"ts\":\""
        + ts
        + "\",\"channel\":\""
        + channel
        + "\",\"event_ts\":\""
        + ts
        + "\"}";
  }

  private static String fileShare(String channel, String thread, String files) {
    return "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"\",\"ts\":\""
        + thread.replace(".000100", ".000900")
        + "\",\"thread_ts\":\""
        + thread
        + "\",\"channel\":\""
        + channel
        + "\",\"channel_type\":\"channel\",\"files\":["
        + files
        + "]}";
  }

  private static String file(String id, String name, long size, String url) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"size\":"
        + size
        + ",\"url_private_download\":\""
        + url
        + "\"}";
  }

  static String threadMessage(String channel, String thread, String ts, String text) {
    return "{\"type\":\"message\",\"user\":\"U1\",\"text\":\""
        + text
        + "\",\"ts\":\""
        + ts
        + "\",\"thread_ts\":\""
        + thread
        + "\",\"channel\":\""
        + channel
        + "\",\"channel_type\":\"channel\"}";
  }

  private static void sendAction(String channel, String thread, String value, String actionTs)
      throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\"},\"user\":{\"id\":\"U2\"},\"api_app_id\":\"A1\","
            + "\"channel\":{\"id\":\""
            + channel
            + "\"},\"trigger_id\":\"tr-"
            + actionTs
            + "\",\"container\":{\"type\":\"message\","
            + "\"message_ts\":\""
            + actionTs.substring(0, actionTs.indexOf('.'))
            + ".000100\",\"thread_ts\":\""
            + thread
            + "\",\"channel_id\":\""
            + channel
            + "\"},\"actions\":[{\"type\":\"button\",\"action_id\":\"regdoc.0\",\"value\":\""
            + value
            + "\",\"action_ts\":\""
            + actionTs
            + "\"}]}";
    HttpResponse<String> r =
        send(
            "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            SECRET,
            now(),
            Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static String envelope(String eventId, String event) {
    return SignedSender.envelope(eventId, event);
  }

  private static HttpResponse<String> sendEvent(String eventId, String event) throws Exception {
    return new SignedSender(adapter.port(), SECRET).event(eventId, event);
  }

  private static HttpResponse<String> send(
      String body, String type, String secret, long ts, Map<String, String> extra)
      throws Exception {
    return new SignedSender(adapter.port(), SECRET).send(body, type, secret, ts, extra);
  }

  private static long now() {
    return SignedSender.now();
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
