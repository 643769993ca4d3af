package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session against the web chat: its own cookie jar, JSON in and out, and, like the
 * page, the request token from the page it loaded first (sent in {@link #TOKEN_HEADER} with every
 * API call).
 */
final class WebChatClient {
  static final String TOKEN_HEADER = "X-Regdoc-Token";
  private static final Pattern TOKEN_META =
      Pattern.compile("<meta name=\"regdoc-token\" content=\"([^\"]*)\">");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();
  private String token;
  private boolean pageLoaded;

  WebChatClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Sends {@code name: value} with every later request (e.g. a foreign Origin). */
  WebChatClient header(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  /**
   * Uses this token instead of the page's (null: none at all); the page is then never loaded for
   * one.
   */
  WebChatClient token(String value) {
    token = value;
    pageLoaded = true;
    return this;
  }

  /**
   * The token the page carries, loading the page once (as a browser does before it can call the
   * API).
   */
  String token() throws IOException, InterruptedException {
    if (!pageLoaded) {
      pageLoaded = true;
      Matcher m = TOKEN_META.matcher(get("").body());
      token = m.find() ? m.group(1) : null;
    }
    return token;
  }

  Response message(String json) throws IOException, InterruptedException {
    return message(json, "application/json; charset=utf-8");
  }

  Response message(String json, String contentType) throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(base.resolve("api/message"))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return api(req);
  }

  Response text(String text) throws IOException, InterruptedException {
    return message(JSON.createObjectNode().put("text", text).toString());
  }

  Response upload(Path file) throws IOException, InterruptedException {
    return upload(file.getFileName().toString(), HttpRequest.BodyPublishers.ofFile(file));
  }

  Response upload(String name, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(
                base.resolve("api/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
            .timeout(Duration.ofMinutes(3))
            .header("Content-Type", "application/octet-stream")
            .POST(body);
    return api(req);
  }

  /**
   * Several files in one upload, as the page sends files chosen at once: each named with its size,
   * their bytes one after another.
   */
  Response uploadAll(Path... files) throws IOException, InterruptedException {
    StringBuilder query = new StringBuilder();
    List<byte[]> bodies = new ArrayList<>();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      bodies.add(bytes);
      query
          .append(query.length() == 0 ? "" : "&")
          .append("name=")
          .append(URLEncoder.encode(f.getFileName().toString(), StandardCharsets.UTF_8))
          .append("&size=")
          .append(bytes.length);
    }
    return uploadRaw(query.toString(), HttpRequest.BodyPublishers.ofByteArrays(bodies));
  }

  /** An upload with this query and body as they are (for malformed batches). */
  Response uploadRaw(String query, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(base.resolve("api/upload?" + query))
            .timeout(Duration.ofMinutes(3))
            .header("Content-Type", "application/octet-stream")
            .POST(body);
    return api(req);
  }

  /** A GET of a page or file (no token, as a browser loads them). */
  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
  }

  /** A GET of an API resource (with the token). */
  Response getApi(String path) throws IOException, InterruptedException {
    return api(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET());
  }

  /** A GET of an API resource (with the token) whose answer is kept as bytes: a download. */
  Download download(String path) throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    String t = token();
    if (t != null) {
      req.header(TOKEN_HEADER, t);
    }
    extraHeaders.forEach(req::header);
    HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(r.statusCode(), r.body(), r.headers());
  }

  record Download(int status, byte[] body, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }

  private Response api(HttpRequest.Builder req) throws IOException, InterruptedException {
    String t = token();
    if (t != null) {
      req.header(TOKEN_HEADER, t);
    }
    return send(req);
  }

  private Response send(HttpRequest.Builder req) throws IOException, InterruptedException {
    extraHeaders.forEach(req::header);
    HttpResponse<String> r =
        http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(
        r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  record Response(int status, String body, String contentType) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    /** The reply's blocks of one type. */
    List<JsonNode> blocks(String type) throws IOException {
      List<JsonNode> out = new ArrayList<>();
      json()
          .path("blocks")
          .forEach(
              b -> {
                if (type.equals(b.path("type").asText())) {
                  out.add(b);
                }
              });
      return out;
    }

    List<String> findingCodes() throws IOException {
      return blocks("FindingCard").stream().map(b -> b.path("code").asText()).toList();
    }
  }
}
