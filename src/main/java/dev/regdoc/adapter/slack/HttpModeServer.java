package dev.regdoc.adapter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Slack's HTTP mode on the JDK's HttpServer: the raw body goes to Bolt untouched (the signature
 * covers it byte for byte), and Bolt verifies the signature and refuses stale timestamps before any
 * handler runs.
 */
final class HttpModeServer implements AutoCloseable {
  private static final int MAX_BODY = 1 << 20;
  private final HttpServer server;

  HttpModeServer(App app, String host, int port, String path) throws IOException {
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.createContext(path, ex -> handle(app, parser, ex));
    server.setExecutor(
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "regdoc-slack-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void handle(App app, SlackRequestParser parser, HttpExchange ex)
      throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        send(ex, 405, "text/plain", "POST only");
        return;
      }
      byte[] raw = ex.getRequestBody().readNBytes(MAX_BODY + 1);
      if (raw.length > MAX_BODY) {
        send(ex, 413, "text/plain", "request too large");
        return;
      }
      Map<String, List<String>> headers = new HashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
      Request<?> req =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(ex.getRequestURI().getPath())
                  .queryString(Map.of())
                  .headers(new RequestHeaders(headers))
                  .requestBody(new String(raw, StandardCharsets.UTF_8))
                  .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      if (req == null) {
        send(ex, 400, "text/plain", "not a Slack request");
        return;
      }
      Response resp = app.run(req);
      resp.getHeaders().forEach((k, v) -> v.forEach(val -> ex.getResponseHeaders().add(k, val)));
      send(
          ex,
          resp.getStatusCode(),
          resp.getContentType(),
          resp.getBody() == null ? "" : resp.getBody());
    } catch (Exception e) {
      send(ex, 500, "text/plain", "internal error");
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
