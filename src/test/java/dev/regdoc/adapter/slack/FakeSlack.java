package dev.regdoc.adapter.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API and file host on 127.0.0.1 that records every call regdoc makes:
 * auth.test, chat.postMessage (with its metadata), conversations.replies, chat.update, files.info,
 * file downloads, the files.uploadV2 steps and apps.connections.open.
 */
final class FakeSlack implements AutoCloseable {
  static final String BOT_TOKEN = "xoxb-test-bot-token";
  static final String APP_TOKEN = "xapp-test-app-token";
  static final String TEAM = "T0TEST";
  static final String BOT_USER = "U0REGDOC";

  /** One request regdoc made. */
  record Call(String method, String path, String auth, Map<String, String> params, byte[] body) {
    String param(String k) {
      return params.get(k);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> downloads = new ConcurrentHashMap<>();
  private final Map<String, String> fileInfos = new ConcurrentHashMap<>();
  private final AtomicInteger ts = new AtomicInteger(100);

  /** The messages posted, as conversations.replies gives them back. */
  private final List<Posted> posted = new CopyOnWriteArrayList<>();

  /** A posted message with its thread and its metadata (the JSON regdoc sent, or null). */
  private record Posted(String channel, String ts, String threadTs, String text, String metadata) {}

  private volatile String socketUrl;

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String apiBase() {
    return base() + "/api/";
  }

  /** Serves bytes at base()/files-pri/T0TEST-id/download/name to requests with the bot token. */
  String serveFile(String id, String name, byte[] content) {
    String path = "/files-pri/" + TEAM + "-" + id + "/download/" + name;
    downloads.put(path, content);
    return base() + path;
  }

  void fileInfo(String id, String json) {
    fileInfos.put(id, json);
  }

  void socketModeUrl(String url) {
    socketUrl = url;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  List<Call> posts() {
    return calls("/api/chat.postMessage");
  }

  /**
   * Waits up to 20 s for a call matching the predicate (regdoc answers off the listener thread).
   */
  Call await(String path, Predicate<Call> match) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      for (Call c : calls(path)) {
        if (match.test(c)) {
          return c;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "no " + path + " matching the expectation; calls were:\n" + describe());
  }

  /**
   * Waits up to 20 s until at least {@code count} calls match, and returns all that match then: a
   * test that asserts on several calls waits for each of them, not only for the first.
   */
  List<Call> awaitCalls(Predicate<Call> match, int count) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      List<Call> found = calls().stream().filter(match).toList();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "fewer than " + count + " calls matching the expectation; calls were:\n" + describe());
  }

  String describe() {
    StringBuilder s = new StringBuilder();
    calls.forEach(
        c ->
            s.append(c.method())
                .append(' ')
                .append(c.path())
                .append(' ')
                .append(c.params())
                .append('\n'));
    return s.toString();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String path = ex.getRequestURI().getPath();
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      Map<String, String> params = new LinkedHashMap<>();
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
        params.putAll(form(new String(body, StandardCharsets.UTF_8)));
      }
      calls.add(new Call(ex.getRequestMethod(), path, auth, params, body));
      route(ex, path, auth, params);
    }
  }

  private void route(HttpExchange ex, String path, String auth, Map<String, String> p)
      throws IOException {
    if (path.startsWith("/files-pri/")) {
      byte[] content = downloads.get(path);
      if (!("Bearer " + BOT_TOKEN).equals(auth)) {
        ex.getResponseHeaders().set("Location", base() + "/login");
        ex.sendResponseHeaders(302, -1);
      } else if (content == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.sendResponseHeaders(200, content.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(content);
        }
      }
      return;
    }
    if (path.startsWith("/upload/")) {
      json(ex, "OK - " + path.length());
      return;
    }
    String method = path.startsWith("/api/") ? path.substring(5) : path;
    if (method.equals("apps.connections.open")) {
      json(
          ex,
          ("Bearer " + APP_TOKEN).equals(auth) && socketUrl != null
              ? "{\"ok\":true,\"url\":\"" + socketUrl + "\"}"
              : "{\"ok\":false,\"error\":\"invalid_auth\"}");
      return;
    }
    if (!("Bearer " + BOT_TOKEN).equals(auth)) {
      json(ex, "{\"ok\":false,\"error\":\"invalid_auth\"}");
      return;
    }
    switch (method) {
      case "auth.test" ->
          json(
              ex,
              "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"regdoc\","
                  + "\"team_id\":\""
                  + TEAM
                  + "\",\"user_id\":\""
                  + BOT_USER
                  + "\",\"bot_id\":\"B0REGDOC\"}");
      case "chat.postMessage" -> {
        String at = "1700000" + ts.incrementAndGet() + ".000100";
        posted.add(
            new Posted(p.get("channel"), at, p.get("thread_ts"), p.get("text"), p.get("metadata")));
        json(ex, "{\"ok\":true,\"channel\":\"" + p.get("channel") + "\",\"ts\":\"" + at + "\"}");
      }
      case "conversations.replies" -> json(ex, replies(p));
      case "chat.update" ->
          json(
              ex,
              "{\"ok\":true,\"channel\":\""
                  + p.get("channel")
                  + "\",\"ts\":\""
                  + p.get("ts")
                  + "\"}");
      case "files.info" ->
          json(
              ex,
              fileInfos.containsKey(p.get("file"))
                  ? "{\"ok\":true,\"file\":" + fileInfos.get(p.get("file")) + "}"
                  : "{\"ok\":false,\"error\":\"file_not_found\"}");
      case "files.getUploadURLExternal" -> {
        String id = "F0UP" + ts.incrementAndGet();
        json(
            ex,
            "{\"ok\":true,\"upload_url\":\""
                + base()
                + "/upload/v1/"
                + id
                + "\",\"file_id\":\""
                + id
                + "\"}");
      }
      case "files.completeUploadExternal" ->
          json(ex, "{\"ok\":true,\"files\":" + p.get("files") + "}");
      default -> json(ex, "{\"ok\":false,\"error\":\"unknown_method\"}");
    }
  }

  /**
   * conversations.replies: the thread's messages in one page, each with its metadata when
   * include_all_metadata is set (the thread's parent is the message whose ts is the thread's).
   */
  private String replies(Map<String, String> p) throws IOException {
    ObjectMapper json = new ObjectMapper();
    boolean metadata =
        p.get("include_all_metadata") != null
            && !List.of("0", "false").contains(p.get("include_all_metadata"));
    var messages = json.createArrayNode();
    for (Posted m : posted) {
      if (m.channel().equals(p.get("channel"))
          && (p.get("ts").equals(m.threadTs()) || p.get("ts").equals(m.ts()))) {
        var o = messages.addObject().put("type", "message").put("ts", m.ts()).put("text", m.text());
        if (m.threadTs() != null) {
          o.put("thread_ts", m.threadTs());
        }
        if (metadata && m.metadata() != null) {
          o.set("metadata", json.readTree(m.metadata()));
        }
      }
    }
    var out = json.createObjectNode().put("ok", true).put("has_more", false);
    out.set("messages", messages);
    out.putObject("response_metadata").put("next_cursor", "");
    return json.writeValueAsString(out);
  }

  private static void json(HttpExchange ex, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(200, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String kv : body.split("&")) {
      if (kv.isEmpty()) {
        continue;
      }
      int i = kv.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
      m.put(k, v);
    }
    return m;
  }

  /** The texts of a posted message's blocks (sections, headers, contexts) and its button values. */
  static List<String> blockTexts(Call post) throws IOException {
    List<String> out = new ArrayList<>();
    String blocks = post.param("blocks");
    if (blocks == null) {
      return out;
    }
    new ObjectMapper()
        .readTree(blocks)
        .forEach(
            b -> {
              if (b.has("text")) {
                out.add(b.get("text").get("text").asText());
              }
              if (b.has("elements")) {
                b.get("elements")
                    .forEach(
                        e -> {
                          if (e.has("value")) {
                            out.add(
                                "button:"
                                    + e.get("text").get("text").asText()
                                    + "="
                                    + e.get("value").asText());
                          } else if (e.has("text")) {
                            out.add(e.get("text").asText());
                          }
                        });
              }
            });
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
