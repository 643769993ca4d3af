package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads over the limit, refused while their body is still going out: every client must read the
 * 413 on its first and only attempt, also when many are refused at once next to uploads that are
 * being analysed.
 */
class WebChatRefusalTest {
  private static final byte[] TWO_MB = new byte[2 << 20];

  /**
   * Refusals per run of the parallel test; raise it (-Dregdoc.refusals=...) to hunt for a rare
   * race.
   */
  private static final int REFUSALS = Integer.getInteger("regdoc.refusals", 24);

  @RegisterExtension static final WebChatUnderTest CHAT = new WebChatUnderTest();

  @Test
  void afterTheAnswerTheRestOfTheBodyIsReadSoTheClientCanFinishSendingWithoutAReset()
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", CHAT.server().port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(uploadHead("late.pcap", TWO_MB.length).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readUntilJsonEnds(socket.getInputStream());

      assertThat(answer)
          .startsWith("HTTP/1.1 413")
          .containsIgnoringCase("connection: close")
          .contains("late.pcap");
      // A server that closed with the body unread would reset the connection and these writes would
      // fail.
      out.write(TWO_MB);
      out.flush();
      socket.shutdownOutput();
      assertThat(socket.getInputStream().read())
          .as("the server closes cleanly once the body is in")
          .isEqualTo(-1);
    }
  }

  @Test
  void aMessageOverItsLimitIsRefusedReadably() throws Exception {
    String huge = "{\"text\":\"" + "x".repeat(200_000) + "\"}";
    WebChatClient.Response r = new WebChatClient(CHAT.server().uri()).message(huge);

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().path("error").asText()).contains("64 KB");
  }

  @Test
  void manyRefusalsAtOnceAmongAnalysesAreAllReadOnTheFirstAttempt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<WebChatClient.Response>> analyses = List.of(this::analysis, this::analysis);
      List<Future<WebChatClient.Response>> busy = new ArrayList<>();
      analyses.forEach(a -> busy.add(pool.submit(a)));
      List<Callable<WebChatClient.Response>> refusals = new ArrayList<>();
      for (int i = 0; i < REFUSALS; i++) {
        refusals.add(
            i % 2 == 0
                ? () -> upload("sized.pcap", sized())
                : () -> upload("chunked.pcap", chunked()));
      }
      for (Future<WebChatClient.Response> f : pool.invokeAll(refusals)) {
        // No retry anywhere: a reset before the answer fails here with an ExecutionException.
        WebChatClient.Response r = f.get();
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().path("error").asText()).contains(".pcap").contains("1 MB");
      }
      for (Future<WebChatClient.Response> f : busy) {
        assertThat(f.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private WebChatClient.Response analysis() throws Exception {
    WebChatClient c = new WebChatClient(CHAT.server().uri());
    c.text(WebChatServerTest.SYMPTOM);
    return c.upload(WebChatServerTest.CASE2.resolve("phone.pcap"));
  }

  private static WebChatClient.Response upload(String name, HttpRequest.BodyPublisher body)
      throws Exception {
    return new WebChatClient(CHAT.server().uri()).upload(name, body);
  }

  private static HttpRequest.BodyPublisher sized() {
    return HttpRequest.BodyPublishers.ofByteArray(TWO_MB);
  }

  /**
   * No known length, so it goes out chunked and is refused only once the server has counted past
   * the limit.
   */
  private static HttpRequest.BodyPublisher chunked() {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TWO_MB));
  }

  private static String uploadHead(String name, int length)
      throws IOException, InterruptedException {
    return "POST /api/upload?name="
        + name
        + " HTTP/1.1\r\nHost: 127.0.0.1:"
        + CHAT.server().port()
        + "\r\n"
        + WebChatClient.TOKEN_HEADER
        + ": "
        + new WebChatClient(CHAT.server().uri()).token()
        + "\r\n"
        + "Content-Type: application/octet-stream\r\nContent-Length: "
        + length
        + "\r\n\r\n";
  }

  /** The raw response up to the closing brace of its JSON body. */
  private static String readUntilJsonEnds(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      got.write(b);
      if (b == '}' && got.toString(StandardCharsets.UTF_8).contains("\r\n\r\n{")) {
        break;
      }
    }
    return got.toString(StandardCharsets.UTF_8);
  }
}
