package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.regdoc.common.Sizes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Request and response chores shared by the handlers: the session cookie, JSON in and out, errors without stack traces. */
final class WebExchanges {
  private static final Logger LOG = LoggerFactory.getLogger(WebExchanges.class);
  static final String COOKIE = "regdoc_session";
  private static final int MAX_JSON_BYTES = 64 * 1024;
  private static final String MESSAGE_TOO_LARGE = "a message may be at most " + Sizes.human(MAX_JSON_BYTES);
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  /** A handler that is given the caller's session. */
  @FunctionalInterface
  interface SessionHandler {
    void handle(HttpExchange ex, WebSession session) throws IOException;
  }

  private final ObjectMapper mapper;
  private final WebSessions sessions;

  WebExchanges(ObjectMapper mapper, WebSessions sessions) {
    this.mapper = mapper;
    this.sessions = sessions;
  }

  /** Finds or starts the session, runs the handler, and turns anything unexpected into a JSON 500 (logged, not shown). */
  HttpHandler guarded(SessionHandler handler) {
    return ex -> {
      try (ex) {
        WebSession session = session(ex);
        handler.handle(ex, session);
      } catch (IOException e) {
        LOG.debug("web chat client went away: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("web chat request {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
        try {
          error(ex, 500, "regdoc could not handle that request (internal error); the problem was logged.");
        } catch (IOException | RuntimeException ignored) {
          // the response had already started; nothing more can be sent
        }
      }
    };
  }

  private WebSession session(HttpExchange ex) {
    WebSession found = sessions.find(cookie(ex));
    if (found != null) {
      return found;
    }
    WebSession fresh = sessions.create();
    ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + fresh.id() + "; Path=/; HttpOnly; SameSite=Strict");
    return fresh;
  }

  private static String cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.startsWith(COOKIE + "=")) {
          return p.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  boolean requireMethod(HttpExchange ex, String method) throws IOException {
    if (method.equalsIgnoreCase(ex.getRequestMethod())) {
      return true;
    }
    ex.getResponseHeaders().add("Allow", method);
    error(ex, 405, ex.getRequestURI().getPath() + " takes " + method + " only");
    return false;
  }

  /** The request's JSON object, or null after answering 400 when it is missing, too big or not JSON. */
  JsonNode readJson(HttpExchange ex) throws IOException {
    if (contentLength(ex) > MAX_JSON_BYTES) {
      refuseTooLarge(ex, MESSAGE_TOO_LARGE);
      return null;
    }
    byte[] bytes = ex.getRequestBody().readNBytes(MAX_JSON_BYTES + 1);
    if (bytes.length > MAX_JSON_BYTES) {
      refuseTooLarge(ex, MESSAGE_TOO_LARGE);
      return null;
    }
    try {
      JsonNode node = mapper.readTree(bytes);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // answered below
    }
    error(ex, 400, "the request body must be a JSON object such as {\"text\": \"...\"}");
    return null;
  }

  long contentLength(HttpExchange ex) {
    String v = ex.getRequestHeaders().getFirst("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  String queryParam(HttpExchange ex, String key) {
    String q = ex.getRequestURI().getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      if (k.equals(key)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  void json(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, JSON_TYPE, mapper.writeValueAsBytes(body));
  }

  void error(HttpExchange ex, int status, String message) throws IOException {
    json(ex, status, errorBody(message));
  }

  /**
   * Answers 413 to a request whose body is not (or no longer) being read, in a way the client can read: the
   * whole answer goes out first, so a client that reads early sees it at once; then the unread rest of the body is
   * discarded (bounded, see {@link RefusedBody}) so that the close that follows is not a reset.
   */
  void refuseTooLarge(HttpExchange ex, String message) throws IOException {
    // The connection cannot carry another request after a refused body.
    ex.getResponseHeaders().set("Connection", "close");
    byte[] bytes = mapper.writeValueAsBytes(errorBody(message));
    sendHeaders(ex, 413, JSON_TYPE, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
      out.flush();
      // Before close(): closing ends the exchange, and the JDK server then closes a connection with body unread.
      RefusedBody.discardRest(ex, contentLength(ex));
    }
  }

  private ObjectNode errorBody(String message) {
    return mapper.createObjectNode().put("error", message);
  }

  void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
    sendHeaders(ex, status, contentType, bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
        // Out before close(): closing first drains an unread request body, which would hold back the answer.
        out.flush();
      }
    }
  }

  private static void sendHeaders(HttpExchange ex, int status, String contentType, int length) throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, length == 0 ? -1 : length);
  }
}
