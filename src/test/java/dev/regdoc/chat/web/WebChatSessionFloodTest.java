package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests without a cookie, however many, must not push a person who is using the chat out of it.
 */
class WebChatSessionFloodTest {
  private static final int FLOOD = 1_001;
  private static final Pattern TOKEN =
      Pattern.compile("name=\"regdoc-token\" content=\"([^\"]+)\"");
  private final HttpClient flood = HttpClient.newHttpClient();
  private WebChatServer server;

  @BeforeEach
  void start() {
    server = WebChatServer.start(WebChatSettings.defaults().withPort(0), new EchoEngine());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      req.header(WebChatClient.TOKEN_HEADER, token);
    }
    return flood.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void cookielessRequestsForThePageAndItsFilesDoNotEvictARealSession() throws Exception {
    WebChatClient alice = new WebChatClient(server.uri());
    assertThat(alice.text("hello").status()).isEqualTo(200);

    for (int i = 0; i < FLOOD; i++) {
      // No cookie jar: every request comes without a cookie, as a flood sends them.
      assertThat(get(i % 2 == 0 ? "" : "app.js", null).statusCode()).isEqualTo(200);
    }

    JsonNode turns = alice.getApi("api/history").json().path("turns");
    assertThat(turns).hasSize(2);
    assertThat(turns.get(0).path("text").asText()).isEqualTo("hello");
  }

  @Test
  void cookielessApiCallsWithTheTokensOfFreshPagesDoNotEvictARealSession() throws Exception {
    WebChatClient alice = new WebChatClient(server.uri());
    assertThat(alice.text("hello").status()).isEqualTo(200);

    for (int i = 0; i < FLOOD; i++) {
      Matcher token = TOKEN.matcher(get("", null).body());
      assertThat(token.find()).isTrue();
      assertThat(get("api/progress", token.group(1)).statusCode()).isEqualTo(200);
    }

    assertThat(alice.getApi("api/history").json().path("turns")).hasSize(2);
  }
}
