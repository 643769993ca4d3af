package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * regdoc's Bolt app in HTTP mode on 127.0.0.1, fed signed Slack payloads, talking to {@link FakeSlack}; the
 * assertions are on what regdoc posted into the case threads.
 */
class SlackHttpModeTest {
  private static final String SECRET = "test-signing-secret";
  private static final long MAX_UPLOAD = 5_000_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static FakeSlack slack;
  private static AnalyzingTestEngine engine;
  private static SlackAdapter.Running adapter;

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlack();
    engine = new AnalyzingTestEngine(MAX_UPLOAD);
    SlackSettings settings = SlackSettings.defaults().withHttp("127.0.0.1", 0).withApiBaseUrl(slack.apiBase())
        .withAllowedFileHosts(Set.of("127.0.0.1")).withRateLimit(1000);
    adapter = SlackAdapter.start(settings, engine,
        Map.of("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN, "SLACK_SIGNING_SECRET", SECRET));
  }

  @AfterAll
  static void stop() {
    adapter.close();
    slack.close();
  }

  @Test
  void aMentionStartsACaseInItsOwnThreadWithTheChecklist() throws Exception {
    HttpResponse<String> r = sendEvent("Ev-mention", mention("C1", "1700000000.000100", "<@U0REGDOC> SEP001 keeps unregistering"));

    assertThat(r.statusCode()).isEqualTo(200);
    FakeSlack.Call reply = slack.await("/api/chat.postMessage", c -> "1700000000.000100".equals(c.param("thread_ts")));
    assertThat(reply.param("channel")).isEqualTo("C1");
    assertThat(reply.auth()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN);
    assertThat(FakeSlack.blockTexts(reply)).anySatisfy(t -> assertThat(t).startsWith("*Case 1* opened for: SEP001 keeps unregistering"))
        .contains("button:Done=step:phone-pcap:done", "button:Skip=step:phone-pcap:skip", "button:How?=step:phone-pcap:how");
    assertThat(engine.received).anySatisfy(in -> {
      assertThat(in.conversation()).isEqualTo("slack:T0TEST:C1:1700000000.000100");
      assertThat(in.user()).isEqualTo("slack:U1");
      assertThat(in.text()).isEqualTo("SEP001 keeps unregistering");
    });
  }

  @Test
  void aChecklistButtonComesBackAsTheStepActionInTheSameThread() throws Exception {
    String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0TEST\"},\"user\":{\"id\":\"U2\"},\"api_app_id\":\"A1\","
        + "\"channel\":{\"id\":\"C2\"},\"trigger_id\":\"tr-1\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000300.000100\","
        + "\"thread_ts\":\"1700000299.000100\",\"channel_id\":\"C2\"},\"actions\":[{\"type\":\"button\",\"action_id\":\"regdoc.0\","
        + "\"block_id\":\"step.phone-pcap\",\"value\":\"step:phone-pcap:done\",\"action_ts\":\"1700000301.1\"}]}";
    HttpResponse<String> r = send("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", SECRET, now(), Map.of());

    assertThat(r.statusCode()).isEqualTo(200);
    FakeSlack.Call reply = slack.await("/api/chat.postMessage", c -> "1700000299.000100".equals(c.param("thread_ts")));
    assertThat(FakeSlack.blockTexts(reply)).containsExactly("Noted *step:phone-pcap:done*.");
    assertThat(engine.received).anySatisfy(in -> {
      assertThat(in.action()).isEqualTo("step:phone-pcap:done");
      assertThat(in.conversation()).isEqualTo("slack:T0TEST:C2:1700000299.000100");
    });
  }

  @Test
  void aCaptureSharedInTheCaseThreadIsDownloadedAnalysedAndAnswered() throws Exception {
    openCase("C3", "1700000400.000100");
    byte[] pcap = Files.readAllBytes(Path.of("src/test/resources/fixtures/case-study-2/phone.pcap"));
    String url = slack.serveFile("F3", "phone.pcap", pcap);
    sendEvent("Ev-share", fileShare("C3", "1700000400.000100", "F3", "phone.pcap", pcap.length, url));

    FakeSlack.Call answer = slack.await("/api/chat.postMessage", c -> "1700000400.000100".equals(c.param("thread_ts"))
        && c.param("blocks") != null && c.param("blocks").contains("header"));
    assertThat(FakeSlack.blockTexts(answer).get(0)).isEqualTo("1. port-security-aging");
    assertThat(slack.calls(path(url))).singleElement().satisfies(c -> assertThat(c.auth()).isEqualTo("Bearer " + FakeSlack.BOT_TOKEN));
    FakeSlack.Call progress = slack.await("/api/chat.postMessage", c -> "Downloading phone.pcap…".equals(c.param("text")));
    slack.await("/api/chat.update", c -> c.param("text").equals("Reading phone.pcap (50%)"));
    slack.await("/api/chat.update", c -> c.param("text").equals("Analysed phone.pcap.") && progress.param("channel").equals(c.param("channel")));
  }

  @Test
  void aFileSharedEventIsResolvedWithFilesInfoAndAnswered() throws Exception {
    openCase("C4", "1700000500.000100");
    byte[] pcap = Files.readAllBytes(Path.of("src/test/resources/fixtures/case-study-2/phone.pcap"));
    String url = slack.serveFile("F4", "phone4.pcap", pcap);
    slack.fileInfo("F4", "{\"id\":\"F4\",\"name\":\"phone4.pcap\",\"size\":" + pcap.length + ",\"url_private_download\":\"" + url
        + "\",\"shares\":{\"public\":{\"C4\":[{\"ts\":\"1700000501.000100\",\"thread_ts\":\"1700000500.000100\"}]}}}");
    sendEvent("Ev-file-shared", "{\"type\":\"file_shared\",\"file_id\":\"F4\",\"user_id\":\"U1\",\"file\":{\"id\":\"F4\"},"
        + "\"channel_id\":\"C4\",\"event_ts\":\"1700000501.000200\"}");

    FakeSlack.Call answer = slack.await("/api/chat.postMessage", c -> "1700000500.000100".equals(c.param("thread_ts"))
        && c.param("blocks") != null && c.param("blocks").contains("header"));
    assertThat(FakeSlack.blockTexts(answer).get(0)).isEqualTo("1. port-security-aging");
    assertThat(slack.calls("/api/files.info")).anySatisfy(c -> assertThat(c.param("file")).isEqualTo("F4"));
  }

  @Test
  void aBadSignatureIsRefusedAndNothingIsAnswered() throws Exception {
    int before = engine.received.size();
    HttpResponse<String> wrong = send(envelope("Ev-forged", mention("C5", "1700000600.000100", "<@U0REGDOC> hi")),
        "application/json", "not-the-secret", now(), Map.of());
    HttpResponse<String> stale = send(envelope("Ev-stale", mention("C5", "1700000601.000100", "<@U0REGDOC> hi")),
        "application/json", SECRET, now() - 600, Map.of());

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(stale.statusCode()).isEqualTo(401);
    Thread.sleep(500);
    assertThat(engine.received).hasSize(before);
    assertThat(slack.posts()).noneMatch(c -> "C5".equals(c.param("channel")));
  }

  @Test
  void anOversizedFileIsRefusedBeforeDownload() throws Exception {
    openCase("C6", "1700000700.000100");
    String url = slack.serveFile("F6", "huge.pcap", new byte[16]);
    sendEvent("Ev-huge", fileShare("C6", "1700000700.000100", "F6", "huge.pcap", 50_000_000, url));

    FakeSlack.Call refusal = slack.await("/api/chat.postMessage", c -> c.param("text").contains("huge.pcap is 50.0 MB"));
    assertThat(refusal.param("thread_ts")).isEqualTo("1700000700.000100");
    assertThat(refusal.param("text")).contains("the limit is 5.0 MB", "not downloaded");
    assertThat(slack.calls(path(url))).isEmpty();
  }

  @Test
  void aFileLinkOnAHostThatIsNotAllowedIsNeverFetched() throws Exception {
    openCase("C7", "1700000800.000100");
    // same fake server, but named "localhost": only 127.0.0.1 is allowed, so a fetch would show up in the fake's log
    String url = slack.serveFile("F7", "elsewhere.pcap", new byte[16]).replace("127.0.0.1", "localhost");
    sendEvent("Ev-elsewhere", fileShare("C7", "1700000800.000100", "F7", "elsewhere.pcap", 16, url));

    FakeSlack.Call refusal = slack.await("/api/chat.postMessage", c -> c.param("text").contains("elsewhere.pcap is not on Slack's file host"));
    assertThat(refusal.param("thread_ts")).isEqualTo("1700000800.000100");
    assertThat(slack.calls(path(url))).isEmpty();
  }

  @Test
  void aRetriedEventIsHandledOnce() throws Exception {
    String event = envelope("Ev-retried", mention("C8", "1700000900.000100", "<@U0REGDOC> second try"));
    assertThat(send(event, "application/json", SECRET, now(), Map.of()).statusCode()).isEqualTo(200);
    assertThat(send(event, "application/json", SECRET, now(), Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason",
        "http_timeout")).statusCode()).isEqualTo(200);

    slack.await("/api/chat.postMessage", c -> "1700000900.000100".equals(c.param("thread_ts")));
    Thread.sleep(700);
    assertThat(slack.posts()).filteredOn(c -> "1700000900.000100".equals(c.param("thread_ts"))).hasSize(1);
    assertThat(engine.received).filteredOn(in -> in.conversation().endsWith(":C8:1700000900.000100")).hasSize(1);
  }

  @Test
  void theSlashCommandOpensItsOwnThread() throws Exception {
    String form = "token=x&team_id=T0TEST&team_domain=test&channel_id=C9&channel_name=voice&user_id=U9&user_name=kim"
        + "&command=%2Fregdoc&text=&api_app_id=A1&trigger_id=tr-cmd-1&response_url=" + URLEncoder.encode(slack.base() + "/resp", StandardCharsets.UTF_8);
    assertThat(send(form, "application/x-www-form-urlencoded", SECRET, now(), Map.of()).statusCode()).isEqualTo(200);

    FakeSlack.Call opener = slack.await("/api/chat.postMessage", c -> "C9".equals(c.param("channel")) && c.param("thread_ts") == null);
    FakeSlack.Call reply = slack.await("/api/chat.postMessage", c -> "C9".equals(c.param("channel")) && c.param("thread_ts") != null);
    assertThat(reply.param("thread_ts")).startsWith("1700000");
    assertThat(FakeSlack.blockTexts(reply).get(0)).isEqualTo("*Case 1* opened for: new case");
    assertThat(opener.param("text")).contains("case thread");
  }

  private static void openCase(String channel, String ts) throws Exception {
    sendEvent("Ev-open-" + channel, mention(channel, ts, "<@U0REGDOC> new case"));
    slack.await("/api/chat.postMessage", c -> ts.equals(c.param("thread_ts")));
  }

  private static String mention(String channel, String ts, String text) {
    return "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\",\"channel\":\"" + channel
        + "\",\"event_ts\":\"" + ts + "\"}";
  }

  private static String fileShare(String channel, String thread, String id, String name, long size, String url) {
    return "{\"type\":\"message\",\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"\",\"ts\":\"" + thread.replace(".000100", ".000900")
        + "\",\"thread_ts\":\"" + thread + "\",\"channel\":\"" + channel + "\",\"channel_type\":\"channel\",\"files\":[{\"id\":\"" + id
        + "\",\"name\":\"" + name + "\",\"size\":" + size + ",\"url_private_download\":\"" + url + "\"}]}";
  }

  private static String envelope(String eventId, String event) {
    return "{\"token\":\"x\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\"" + eventId
        + "\",\"event_time\":1700000000,\"event\":" + event + "}";
  }

  private static HttpResponse<String> sendEvent(String eventId, String event) throws Exception {
    HttpResponse<String> r = send(envelope(eventId, event), "application/json", SECRET, now(), Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }

  private static HttpResponse<String> send(String body, String type, String secret, long ts, Map<String, String> extra)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.port() + "/slack/events"))
        .header("Content-Type", type).header("X-Slack-Request-Timestamp", Long.toString(ts)).header("X-Slack-Signature", sig)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    extra.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static String path(String url) {
    return URI.create(url).getPath();
  }
}
