package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.common.Sizes;
import java.io.IOException;
import java.util.Optional;

/**
 * Request and response chores shared by the handlers: the session behind an API call (cookie and
 * page token), JSON in and out, errors without stack traces.
 */
final class WebExchanges {
  static final String COOKIE = "regdoc_session";
  static final String TOKEN_HEADER = "X-Regdoc-Token";
  private static final int MAX_JSON_BYTES = 64 * 1024;
  private static final String MESSAGE_TOO_LARGE =
      "a message may be at most " + Sizes.human(MAX_JSON_BYTES);
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final String BAD_TOKEN =
      "the page's request token is missing or out of date; reload the page";

  private final ObjectMapper mapper;
  private final WebSessions sessions;
  private final RequestTokens tokens;

  WebExchanges(ObjectMapper mapper, WebSessions sessions, RequestTokens tokens) {
    this.mapper = mapper;
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /**
   * The token to put in a page: the one its cookie carries, when this chat signed it (any instance
   * given the same session key did), so that a page reloaded on any instance is the same session;
   * else a fresh one (which makes no session by itself).
   */
  String pageToken(WebCall call) {
    String cookie = call.cookie(COOKIE);
    if (tokens.valid(cookie)) {
      sessions.find(tokens.sessionId(cookie));
      return cookie;
    }
    return tokens.fresh();
  }

  /**
   * The API call's session: the one its page token starts, when the token is valid and is the
   * cookie's (a call without a valid cookie gets its token as the cookie). Null after answering 403
   * (bad token, or another page's token beside the cookie) or 503 (every session slot in use).
   */
  WebSession session(WebCall call) throws IOException {
    String token = call.header(TOKEN_HEADER);
    String cookie = call.cookie(COOKIE);
    boolean cookieValid = tokens.valid(cookie);
    if (cookieValid ? !RequestTokens.same(cookie, token) : !tokens.valid(token)) {
      error(call, 403, BAD_TOKEN);
      return null;
    }
    Optional<WebSession> s = sessions.findOrCreate(tokens.sessionId(token), token);
    if (s.isEmpty()) {
      error(call, 503, "regdoc has too many open sessions; please try again later.");
      return null;
    }
    if (!cookieValid) {
      call.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    }
    return s.get();
  }

  /** The session with this id when this instance serves it; null otherwise. */
  WebSession knownSession(String id) {
    return sessions.find(id);
  }

  boolean requireMethod(WebCall call, String method) throws IOException {
    if (method.equalsIgnoreCase(call.method())) {
      return true;
    }
    call.setHeader("Allow", method);
    error(call, 405, call.path() + " takes " + method + " only");
    return false;
  }

  /**
   * The request's JSON object, or null after answering 400 when it is missing, too big or not JSON.
   */
  JsonNode readJson(WebCall call) throws IOException {
    if (call.contentLength() > MAX_JSON_BYTES) {
      refuseTooLarge(call, MESSAGE_TOO_LARGE);
      return null;
    }
    byte[] bytes = call.body().readNBytes(MAX_JSON_BYTES + 1);
    if (bytes.length > MAX_JSON_BYTES) {
      refuseTooLarge(call, MESSAGE_TOO_LARGE);
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
    error(call, 400, "the request body must be a JSON object such as {\"text\": \"...\"}");
    return null;
  }

  void json(WebCall call, int status, JsonNode body) throws IOException {
    call.send(status, JSON_TYPE, mapper.writeValueAsBytes(body));
  }

  void error(WebCall call, int status, String message) throws IOException {
    json(call, status, mapper.createObjectNode().put("error", message));
  }

  /**
   * Answers 413 to a request whose body is not (or no longer) being read, in a way the client can
   * read: the whole answer goes out first, so a client that reads early sees it at once; then the
   * unread rest of the body is discarded (bounded, see {@link RefusedBody}) so that the close that
   * follows is not a reset.
   */
  void refuseTooLarge(WebCall call, String message) throws IOException {
    // The connection cannot carry another request after a refused body.
    call.setHeader("Connection", "close");
    ObjectNode body = mapper.createObjectNode().put("error", message);
    call.send(413, JSON_TYPE, mapper.writeValueAsBytes(body));
    RefusedBody.discardRest(call);
  }
}
