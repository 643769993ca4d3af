package dev.regdoc.chat.web;

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

/** One browser session against the web chat: its own cookie jar, JSON in and out. */
final class WebChatClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http;

  WebChatClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
  }

  Response message(String json) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/message")).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    return send(req);
  }

  Response text(String text) throws IOException, InterruptedException {
    return message(JSON.createObjectNode().put("text", text).toString());
  }

  Response upload(Path file) throws IOException, InterruptedException {
    return upload(file.getFileName().toString(), HttpRequest.BodyPublishers.ofFile(file));
  }

  Response upload(String name, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve("api/upload?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
        .timeout(Duration.ofMinutes(3)).header("Content-Type", "application/octet-stream").POST(body).build();
    return send(req);
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private Response send(HttpRequest req) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  record Response(int status, String body, String contentType) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }

    /** The reply's blocks of one type. */
    java.util.List<JsonNode> blocks(String type) throws IOException {
      java.util.List<JsonNode> out = new java.util.ArrayList<>();
      json().path("blocks").forEach(b -> {
        if (type.equals(b.path("type").asText())) {
          out.add(b);
        }
      });
      return out;
    }

    java.util.List<String> findingCodes() throws IOException {
      return blocks("FindingCard").stream().map(b -> b.path("code").asText()).toList();
    }
  }
}
