package dev.regdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session of the web chat, as the page drives it: the page first (its cookie and
 * request token), then uploads as the page posts them (the file's bytes as the body, streamed from
 * disk) and progress polls.
 */
final class WebBenchClient {
  private static final Pattern TOKEN_META =
      Pattern.compile("<meta name=\"regdoc-token\" content=\"([^\"]*)\">");
  private static final String TOKEN_HEADER = "X-Regdoc-Token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final String token;

  WebBenchClient(URI base) throws IOException, InterruptedException {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String page =
        http.send(
                HttpRequest.newBuilder(base).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    Matcher m = TOKEN_META.matcher(page);
    if (!m.find()) {
      throw new IOException("the web chat's page at " + base + " carries no request token");
    }
    this.token = m.group(1);
  }

  /** The page's upload of one file: its bytes as the body, read from disk as they are sent. */
  HttpResponse<String> upload(Path file) throws IOException, InterruptedException {
    String name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("api/upload?name=" + name))
            .timeout(Duration.ofMinutes(15))
            .header("Content-Type", "application/octet-stream")
            .header(TOKEN_HEADER, token)
            .POST(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** What the page's progress line shows now. */
  JsonNode progress() throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve("api/progress"))
            .timeout(Duration.ofSeconds(30))
            .header(TOKEN_HEADER, token)
            .GET()
            .build();
    return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
  }
}
