package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web chat's API over real HTTP on 127.0.0.1, against the real conversation engine. */
class WebChatServerTest {
  static final Path CASE2 = Path.of("src/test/resources/fixtures/case-study-2");
  static final String SYMPTOM = "SEP0024142DDF24 drops to the secondary every 16 minutes";

  @RegisterExtension static final WebChatUnderTest CHAT = new WebChatUnderTest();

  WebChatClient client() {
    return new WebChatClient(CHAT.server().uri());
  }

  @Test
  void listensOnLoopbackAtAFreePort() {
    assertThat(CHAT.server().port()).isPositive();
    assertThat(CHAT.server().uri().toString())
        .isEqualTo("http://127.0.0.1:" + CHAT.server().port() + "/");
  }

  @Test
  void theSymptomOpensACase() throws Exception {
    WebChatClient.Response r = client().text(SYMPTOM);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(r.json().path("caseId").asLong()).isPositive();
    assertThat(r.json().path("blocks")).isNotEmpty();
    r.json().path("blocks").forEach(b -> assertThat(b.path("type").asText()).isNotBlank());
  }

  @Test
  void uploadsOfCaseStudyTwoFindPortSecurityAging() throws Exception {
    WebChatClient c = client();
    c.text(SYMPTOM);
    WebChatClient.Response pcap = c.upload(CASE2.resolve("phone.pcap"));
    WebChatClient.Response config = c.upload(CASE2.resolve("switch-config.txt"));

    assertThat(pcap.status()).isEqualTo(200);
    assertThat(config.status()).isEqualTo(200);
    List<String> codes = new ArrayList<>(pcap.findingCodes());
    codes.addAll(config.findingCodes());
    assertThat(codes).contains("port-security-aging");
    JsonNode card =
        config.blocks("FindingCard").isEmpty()
            ? pcap.blocks("FindingCard").get(0)
            : config.blocks("FindingCard").get(0);
    assertThat(card.path("rank").asInt()).isEqualTo(1);
    assertThat(card.path("evidence")).isNotEmpty();
    assertThat(pcap.blocks("FileStatus"))
        .extracting(b -> b.path("name").asText())
        .contains("phone.pcap");
  }

  @Test
  void severalFilesChosenAtOnceAreOneTurnWithOneAnswerAskingForTheMissingEvidenceOnce()
      throws Exception {
    WebChatClient c = client();
    c.text(SYMPTOM);
    WebChatClient.Response r =
        c.uploadAll(CASE2.resolve("phone.pcap"), CASE2.resolve("switch-config.txt"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.blocks("FileStatus"))
        .extracting(b -> b.path("name").asText())
        .containsExactly("phone.pcap", "switch-config.txt");
    JsonNode first = r.blocks("FindingCard").get(0);
    assertThat(first.path("code").asText()).isEqualTo("port-security-aging");
    assertThat(first.path("confidencePercent").asInt())
        .as("the configuration and the capture were judged together")
        .isEqualTo(95);
    assertThat(r.findingCodes()).doesNotContain("evidence-missing");
    List<JsonNode> steps = r.blocks("Step");
    assertThat(steps).hasSize(1);
    String title = steps.get(0).path("title").asText();
    assertThat(r.blocks("Text"))
        .filteredOn(t -> t.path("markdown").asText().contains(title))
        .hasSize(1);
  }

  @Test
  void anUnreadableFileAddedLaterGetsItsStatusNotTheDiagnosisAgain() throws Exception {
    WebChatClient c = client();
    c.text(SYMPTOM);
    c.uploadAll(CASE2.resolve("phone.pcap"), CASE2.resolve("switch-config.txt"));

    WebChatClient.Response later =
        c.upload(Path.of("src/test/resources/transcripts/not-a-capture.docx"));

    assertThat(later.status()).isEqualTo(200);
    assertThat(later.blocks("FileStatus")).hasSize(1);
    assertThat(later.blocks("FileStatus").get(0).path("read").asBoolean()).isFalse();
    assertThat(later.blocks("FindingCard")).isEmpty();
    assertThat(later.blocks("Image")).isEmpty();
    assertThat(later.blocks("Step")).isEmpty();
    assertThat(later.blocks("Text")).hasSize(1);
  }

  @Test
  void batchSizesThatDoNotAddUpToTheBodyAreRefused() throws Exception {
    WebChatClient c = client();
    WebChatClient.Response r =
        c.uploadRaw(
            "name=a.pcap&size=10&name=b.txt&size=10",
            HttpRequest.BodyPublishers.ofString("only fifteen b"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").asText()).contains("size");
  }

  @Test
  void theGreetingSaysWhatRegdocDoesInTheBrowsersLanguageWithAnExampleToClick() throws Exception {
    WebChatClient.Response en = client().getApi("api/greeting?lang=en-US");
    WebChatClient.Response ja = client().getApi("api/greeting?lang=ja");

    assertThat(en.json().path("blocks").get(0).path("markdown").asText())
        .contains("describe the problem")
        .contains("drop files")
        .contains("teach me");
    assertThat(en.blocks("Choices").get(0).path("choices"))
        .extracting(ch -> ch.path("action").asText())
        .containsExactly(SYMPTOM, "teach me");
    assertThat(en.json().path("page").path("send").asText()).isEqualTo("Send");
    assertThat(ja.json().path("lang").asText()).isEqualTo("ja");
    assertThat(ja.json().path("page").path("send").asText()).isEqualTo("送信");
    assertThat(ja.json().path("page").path("placeholder").asText())
        .doesNotContainPattern("[A-Za-z]");
  }

  @Test
  void aTimelineIsAPreformattedBlockNotMarkdownFences() throws Exception {
    WebChatClient c = client();
    c.text(SYMPTOM);
    c.upload(CASE2.resolve("phone.pcap"));

    WebChatClient.Response r = c.text("show the timeline for SEP0024142DDF24");

    assertThat(r.blocks("Preformatted")).hasSize(1);
    assertThat(r.blocks("Preformatted").get(0).path("text").asText()).contains("sip-refresh");
    assertThat(r.body()).doesNotContain("```");
  }

  @Test
  void historyKeepsTheSessionsTurnsOnly() throws Exception {
    WebChatClient alice = client();
    alice.text(SYMPTOM);
    WebChatClient other = client();

    JsonNode turns = alice.getApi("api/history").json().path("turns");
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0).path("text").asText()).isEqualTo(SYMPTOM);
    assertThat(turns.get(1).path("reply").path("blocks")).isNotEmpty();
    assertThat(other.getApi("api/history").json().path("turns")).isEmpty();
  }

  @Test
  void progressIsIdleBetweenTurns() throws Exception {
    WebChatClient c = client();
    c.text(SYMPTOM);
    JsonNode p = c.getApi("api/progress").json();
    assertThat(p.path("running").asBoolean()).isFalse();
  }

  @Test
  void anUploadOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    byte[] twoMb = new byte[2 << 20];
    WebChatClient.Response r =
        client().upload("huge.pcap", HttpRequest.BodyPublishers.ofByteArray(twoMb));

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("error").asText()).contains("huge.pcap").contains("1 MB");
  }

  @Test
  void theRefusalComesOnTheHeadersAloneWithoutWaitingForTheBody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", CHAT.server().port())) {
      socket.setSoTimeout(5000);
      String head =
          "POST /api/upload?name=big%20trace.pcap HTTP/1.1\r\nHost: 127.0.0.1:"
              + CHAT.server().port()
              + "\r\n"
              + WebChatClient.TOKEN_HEADER
              + ": "
              + new WebChatClient(CHAT.server().uri()).token()
              + "\r\n"
              + "Content-Type: application/octet-stream\r\nContent-Length: "
              + (2 << 20)
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      // Not one byte of the body is sent: an answer within the timeout proves the server did not
      // wait to read it.
      String answer = readUntilJsonEnds(socket.getInputStream());

      assertThat(answer).startsWith("HTTP/1.1 413").contains("big trace.pcap").contains("1 MB");
    }
  }

  /**
   * The raw response up to the closing brace of its JSON body (the connection stays open while the
   * server drains).
   */
  private static String readUntilJsonEnds(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      got.write(b);
      String text = got.toString(StandardCharsets.UTF_8);
      if (b == '}' && text.contains("\r\n\r\n{")) {
        break;
      }
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anUploadWithoutALengthIsCutOffAtTheLimit() throws Exception {
    byte[] twoMb = new byte[2 << 20];
    // ofInputStream has no known length, so it goes out chunked and the server must count as it
    // streams.
    WebChatClient.Response r =
        client()
            .upload(
                "stream.pcap",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMb)));

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("error").asText()).contains("stream.pcap").contains("1 MB");
  }

  @Test
  void badRequestsGetAClearJsonMessage() throws Exception {
    WebChatClient c = client();
    WebChatClient.Response notJson = c.message("this is not json");
    WebChatClient.Response empty = c.message("{}");
    WebChatClient.Response missing = c.get("nothing-here");

    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().path("error").asText()).contains("JSON object");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("Exception");
  }

  @Test
  void thePageIsServedAsUtf8WithItsScript() throws Exception {
    WebChatClient.Response page = client().get("");
    WebChatClient.Response js = client().get("app.js");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("<script src=\"app.js\">")
        .doesNotContain("http://")
        .doesNotContain("https://");
    assertThat(js.body()).contains("api/upload").contains("api/progress");
  }

  @Test
  void japaneseComesBackIntact() throws Exception {
    WebChatClient c = client();
    WebChatClient.Response r = c.text("電話機 SEP0024142DDF24 が16分ごとにセカンダリに切り替わります");

    assertThat(r.status()).isEqualTo(200);
    assertThat(c.getApi("api/history").json().path("turns").get(0).path("text").asText())
        .startsWith("電話機");
  }

  @Test
  void twentySessionsUploadingAtOnceAllGetTheFinding() throws Exception {
    int sessions = 20;
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      List<Callable<List<String>>> jobs = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        jobs.add(
            () -> {
              WebChatClient c = client();
              c.text(SYMPTOM);
              WebChatClient.Response r = c.upload(CASE2.resolve("phone.pcap"));
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              return r.findingCodes();
            });
      }
      long t0 = System.nanoTime();
      List<Future<List<String>>> done = pool.invokeAll(jobs);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      for (Future<List<String>> f : done) {
        assertThat(f.get()).contains("port-security-aging");
      }
      long usedMb = usedHeapAfterGc();
      System.out.println(
          "web chat: "
              + sessions
              + " parallel sessions uploading phone.pcap answered in "
              + ms
              + " ms; used heap after GC "
              + usedMb
              + " MB");
      assertThat(usedMb).isLessThan(512);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }
}
