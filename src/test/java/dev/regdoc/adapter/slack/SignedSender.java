package dev.regdoc.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts to the adapter's HTTP endpoint on 127.0.0.1 the way Slack does: v0 HMAC-SHA256 over
 * "v0:ts:body".
 */
final class SignedSender {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final int port;
  private final String secret;

  SignedSender(int port, String secret) {
    this.port = port;
    this.secret = secret;
  }

  /** An Events API callback around {@code event}; Slack's ack must be 200. */
  HttpResponse<String> event(String eventId, String event) throws Exception {
    HttpResponse<String> r =
        send(envelope(eventId, event), "application/json", secret, now(), Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r;
  }

  HttpResponse<String> send(
      String body, String type, String signingSecret, long ts, Map<String, String> extra)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sig =
        "v0="
            + HexFormat.of()
                .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", Long.toString(ts))
            .header("X-Slack-Signature", sig)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    extra.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String envelope(String eventId, String event) {
    return "{\"token\":\"x\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000,\"event\":"
        + event
        + "}";
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
