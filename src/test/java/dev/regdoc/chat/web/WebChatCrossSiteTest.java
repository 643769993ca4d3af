package dev.regdoc.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another site in the user's browser, or a host name rebound to 127.0.0.1, must not drive the web
 * chat: only the chat's own Host, its own origin, JSON (or the page's upload) and the token of a
 * page the chat served are accepted.
 */
class WebChatCrossSiteTest {
  private static final String HELLO = "{\"text\":\"hello\"}";

  @RegisterExtension static final WebChatUnderTest CHAT = new WebChatUnderTest();

  private static int port() {
    return CHAT.server().port();
  }

  private static WebChatClient client() {
    return new WebChatClient(CHAT.server().uri());
  }

  @Test
  void aRebindingHostNameGetsNeitherThePageNorTheApi() throws Exception {
    String token = client().token();
    String page =
        RawHttp.exchange(
            port(),
            "GET / HTTP/1.1\r\nHost: rebind.example:" + port() + "\r\nConnection: close\r\n\r\n");
    String api =
        RawHttp.postJson(
            port(),
            "/api/message",
            "rebind.example:" + port(),
            WebChatClient.TOKEN_HEADER + ": " + token + "\r\n",
            HELLO);

    assertThat(page)
        .startsWith("HTTP/1.1 403")
        .contains("\"error\"")
        .doesNotContain("regdoc-token");
    assertThat(api).startsWith("HTTP/1.1 403").contains("\"error\"");
  }

  @Test
  void theChatsOwnHostNamesAreAccepted() throws Exception {
    String token = client().token();
    for (String host : new String[] {"127.0.0.1:" + port(), "localhost:" + port()}) {
      String api =
          RawHttp.postJson(
              port(),
              "/api/message",
              host,
              WebChatClient.TOKEN_HEADER + ": " + token + "\r\n",
              HELLO);
      assertThat(api).as(host).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    WebChatClient.Response r = client().header("Origin", "http://203.0.113.7").text("hello");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("error").asText()).containsIgnoringCase("origin");
  }

  @Test
  void theChatsOwnOriginIsAccepted() throws Exception {
    WebChatClient.Response r =
        client().header("Origin", "http://127.0.0.1:" + port()).text("hello");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  @Test
  void aCrossSiteFetchIsRefusedEvenWithoutAnOrigin() throws Exception {
    WebChatClient.Response r = client().header("Sec-Fetch-Site", "cross-site").text("hello");

    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void plainTextIsRefusedForMessages() throws Exception {
    WebChatClient.Response r = client().message(HELLO, "text/plain");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("error").asText()).contains("application/json");
  }

  @Test
  void anUploadFromAFormIsRefused() throws Exception {
    String token = client().token();
    String body =
        "--b\r\n"
            + "Content-Disposition: form-data; name=\"f\"; filename=\"x.pcap\"\r\n\r\n"
            + "xx\r\n"
            + "--b--\r\n";
    String r =
        RawHttp.exchange(
            port(),
            "POST /api/upload?name=x.pcap HTTP/1.1\r\nHost: 127.0.0.1:"
                + port()
                + "\r\nConnection: close\r\nContent-Type: text/plain\r\n"
                + WebChatClient.TOKEN_HEADER
                + ": "
                + token
                + "\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);

    assertThat(r).startsWith("HTTP/1.1 403");
  }

  @Test
  void anApiCallWithoutTheTokenOrWithAWrongOneIsRefused() throws Exception {
    WebChatClient.Response none = client().token(null).text("hello");
    WebChatClient.Response forged =
        client()
            .token("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            .text("hello");
    WebChatClient.Response upload =
        client().token(null).upload("x.pcap", HttpRequest.BodyPublishers.ofString("xx"));
    WebChatClient.Response history = client().token(null).getApi("api/history");

    for (WebChatClient.Response r : new WebChatClient.Response[] {none, forged, upload, history}) {
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(r.json().path("error").asText()).containsIgnoringCase("token");
    }
  }

  @Test
  void aTokenBelongsToItsSession() throws Exception {
    WebChatClient alice = client();
    assertThat(alice.text("hello").status()).isEqualTo(200);
    WebChatClient.Response other = alice.token(client().token()).text("hello");

    assertThat(other.status()).as("another page's token with alice's cookie").isEqualTo(403);
  }

  /**
   * The cookie carries the page's token, so a page reloaded on any instance given the same key is
   * the same session: it stays out of scripts' and other sites' reach, and one the chat did not
   * sign is no session at all.
   */
  @Test
  void theSessionCookieIsHttpOnlySameSiteStrictAndOnlyTheChatsOwnCounts() throws Exception {
    String token = client().token();
    String host = "127.0.0.1:" + port();
    String first =
        RawHttp.postJson(
            port(),
            "/api/message",
            host,
            WebChatClient.TOKEN_HEADER + ": " + token + "\r\n",
            HELLO);
    assertThat(first)
        .startsWith("HTTP/1.1 200")
        .contains("Set-Cookie: regdoc_session=" + token + "; Path=/; HttpOnly; SameSite=Strict");

    String page =
        RawHttp.exchange(
            port(),
            "GET / HTTP/1.1\r\nHost: "
                + host
                + "\r\nCookie: regdoc_session="
                + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(page).as("a reload is the same session").contains(token);

    String forged = "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    String withForged =
        RawHttp.exchange(
            port(),
            "GET / HTTP/1.1\r\nHost: "
                + host
                + "\r\nCookie: regdoc_session="
                + forged
                + "\r\nConnection: close\r\n\r\n");
    assertThat(withForged).doesNotContain(forged);
    String forgedCall =
        RawHttp.postJson(
            port(),
            "/api/message",
            host,
            "Cookie: regdoc_session="
                + forged
                + "\r\n"
                + WebChatClient.TOKEN_HEADER
                + ": "
                + forged
                + "\r\n",
            HELLO);
    assertThat(forgedCall).startsWith("HTTP/1.1 403");
  }

  @Test
  void caseNumbersAloneDoNotJoinACaseFromTheWeb() throws Exception {
    WebChatClient alice = client();
    WebChatClient.Response opened = alice.text(WebChatServerTest.SYMPTOM);
    long caseId = opened.json().path("caseId").asLong();
    String code = opened.json().path("joinCode").asText();
    WebChatClient mallory = client();

    WebChatClient.Response guessed = mallory.text("case " + caseId);
    WebChatClient.Response findings = mallory.text("findings");

    assertThat(guessed.status()).isEqualTo(200);
    assertThat(guessed.json().path("caseId").asLong()).isNotEqualTo(caseId);
    assertThat(guessed.body()).doesNotContain("SEP0024142DDF24");
    assertThat(findings.json().path("caseId").asLong()).isNotEqualTo(caseId);

    assertThat(code).startsWith(caseId + "-").hasSizeGreaterThan(20);
    WebChatClient bob = client();
    WebChatClient.Response joined = bob.text("case " + code);
    assertThat(joined.json().path("caseId").asLong()).isEqualTo(caseId);
    assertThat(joined.body()).contains("SEP0024142DDF24");
    // Once in, the number alone is enough (the session belongs to the case).
    assertThat(bob.text("case " + caseId).json().path("caseId").asLong()).isEqualTo(caseId);
  }

  @Test
  void theErrorIsShortJsonWithoutInternals() throws Exception {
    WebChatClient.Response r = client().token(null).text("hello");

    assertThat(r.contentType()).startsWith("application/json");
    assertThat(new ObjectMapper().readTree(r.body()).path("error").asText()).hasSizeLessThan(200);
    assertThat(r.body()).doesNotContain("Exception");
  }
}
