package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * /health answers while the process runs, /ready only while the database answers and the rules are
 * loaded (a check that throws counts as not ready), /metrics gives the scrape; the chat's own paths
 * are untouched.
 */
class OperatorEndpointsTest {
  private final AtomicBoolean database = new AtomicBoolean(true);
  private final WebChatServer server =
      WebChatServer.start(
          WebChatSettings.defaults().withPort(0),
          new EchoEngine(),
          new OperatorChecks(
              "host-1-abcd",
              () -> {
                if (!database.get()) {
                  throw new IllegalStateException("connection refused");
                }
                return true;
              },
              () -> true,
              () -> "regdoc_turns_total 3.0\n"));

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void readyFollowsTheDatabaseWhileHealthStaysUp() throws Exception {
    assertThat(get("/health").body()).isEqualTo("ok host-1-abcd\n");
    assertThat(get("/ready").statusCode()).isEqualTo(200);

    database.set(false);
    HttpResponse<String> notReady = get("/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("database unreachable").doesNotContain("refused");
    assertThat(get("/health").statusCode()).isEqualTo(200);

    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.body()).isEqualTo("regdoc_turns_total 3.0\n");
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(get("/").statusCode()).as("the chat page is still served").isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
