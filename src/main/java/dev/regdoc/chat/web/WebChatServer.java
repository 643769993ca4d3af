package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.regdoc.common.BoundedCopy;
import dev.regdoc.common.TempFiles;
import dev.regdoc.common.Sizes;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat: a page and a small JSON API on the JDK's HTTP server. Requests are served by a pool of
 * request threads; turns run {@link ChatEngine#handle} on a separate bounded pool so a slow analysis never
 * holds the dispatcher, and a busy server answers 503 instead of queueing without end.
 */
public final class WebChatServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebChatServer.class);
  private static final int REQUEST_THREADS = 48;
  private static final int QUEUED_TURNS = 64;
  private static final long TURN_TIMEOUT_MINUTES = 15;

  private final HttpServer http;
  private final ExecutorService requestPool;
  private final ThreadPoolExecutor turnPool;
  private final ChatEngine engine;
  private final WebSessions sessions;
  private final WebExchanges io;
  private final ReplyJson replies;
  private final ObjectMapper mapper = new ObjectMapper();

  private WebChatServer(HttpServer http, ChatEngine engine, WebChatSettings s) {
    this.http = http;
    this.engine = engine;
    this.sessions = new WebSessions(s.historyLimit());
    this.io = new WebExchanges(mapper, sessions);
    this.replies = new ReplyJson(mapper);
    this.requestPool = Executors.newFixedThreadPool(REQUEST_THREADS, named("regdoc-web-http"));
    this.turnPool = new ThreadPoolExecutor(s.turnThreads(), s.turnThreads(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUED_TURNS), named("regdoc-web-turn"));
  }

  /** Binds and starts serving; the port is taken at once (0 = a free port, see {@link #port()}). */
  public static WebChatServer start(WebChatSettings s, ChatEngine engine) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(s.host(), s.port()), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + s.host() + ":" + s.port() + ": " + e.getMessage(), e);
    }
    WebChatServer server = new WebChatServer(http, engine, s);
    server.routes();
    http.setExecutor(server.requestPool);
    http.start();
    LOG.info("web chat listening on {}", server.uri());
    return server;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public URI uri() {
    String host = http.getAddress().getHostString();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  /** Stops listening, lets turns in flight finish for a moment, then stops the pools. */
  public void stop() {
    http.stop(1);
    turnPool.shutdown();
    requestPool.shutdown();
    try {
      if (!turnPool.awaitTermination(5, TimeUnit.SECONDS)) {
        turnPool.shutdownNow();
      }
    } catch (InterruptedException e) {
      turnPool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    requestPool.shutdownNow();
  }

  private void routes() {
    http.createContext("/", io.guarded(new StaticFiles(io)::serve));
    http.createContext("/api/message", io.guarded(this::message));
    http.createContext("/api/upload", io.guarded(this::upload));
    http.createContext("/api/progress", io.guarded(this::progress));
    http.createContext("/api/history", io.guarded(this::history));
  }

  private void message(HttpExchange ex, WebSession session) throws IOException {
    if (!io.requireMethod(ex, "POST")) {
      return;
    }
    JsonNode body = io.readJson(ex);
    if (body == null) {
      return;
    }
    session.rename(body.path("name").asText(null));
    String text = body.path("text").asText("");
    String action = body.hasNonNull("action") ? body.get("action").asText() : null;
    if (text.isBlank() && action == null) {
      io.error(ex, 400, "send {\"text\": ...} or {\"action\": ...}");
      return;
    }
    String lang = body.hasNonNull("lang") ? body.get("lang").asText() : null;
    ObjectNode userTurn = mapper.createObjectNode().put("from", "user");
    userTurn.put(action == null ? "text" : "action", action == null ? text : body.path("label").asText(action));
    runTurn(ex, session, userTurn,
        new Incoming(session.conversation(), session.user(), session.userName(), text, List.of(), action, lang));
  }

  private void upload(HttpExchange ex, WebSession session) throws IOException {
    if (!io.requireMethod(ex, "POST")) {
      return;
    }
    String name = UploadNames.clean(io.queryParam(ex, "name"));
    long limit = engine.maxUploadBytes();
    long announced = io.contentLength(ex);
    if (announced > limit) {
      // Refused on the announced size alone: the body is never stored, only discarded after the answer.
      io.refuseTooLarge(ex, tooBig(name, announced, limit));
      return;
    }
    Path tmp = TempFiles.process().newFile("web-", ".upload");
    try {
      // The body is left open: closing it would cut off the rest the refusal still has to read.
      long size = BoundedCopy.copyAtMost(ex.getRequestBody(), tmp, limit);
      if (size == BoundedCopy.TOO_LARGE) {
        io.refuseTooLarge(ex, tooBig(name, -1, limit));
        return;
      }
      ObjectNode userTurn = mapper.createObjectNode().put("from", "user").put("file", name).put("size", size);
      runTurn(ex, session, userTurn, new Incoming(session.conversation(), session.user(), session.userName(), "",
          List.of(new Upload(name, size, tmp)), null, null));
    } finally {
      TempFiles.process().delete(tmp);
    }
  }

  private static String tooBig(String name, long size, long limit) {
    String was = size < 0 ? "is larger than" : "is " + Sizes.human(size) + ", more than";
    return name + " " + was + " the upload limit of " + Sizes.human(limit) + "; it was not read.";
  }

  private void progress(HttpExchange ex, WebSession session) throws IOException {
    ObjectNode out = mapper.createObjectNode();
    out.put("running", session.running());
    out.put("text", session.progressText());
    out.put("percent", session.progressPercent());
    io.json(ex, 200, out);
  }

  private void history(HttpExchange ex, WebSession session) throws IOException {
    ObjectNode out = mapper.createObjectNode();
    out.putArray("turns").addAll(session.history());
    io.json(ex, 200, out);
  }

  /** Runs one turn on the turn pool (one per session at a time) and answers with the reply's JSON. */
  private void runTurn(HttpExchange ex, WebSession session, ObjectNode userTurn, Incoming incoming) throws IOException {
    session.turnLock.lock();
    try {
      session.remember(userTurn);
      session.started();
      ObjectNode reply;
      try {
        reply = replies.toJson(await(submit(session, incoming)));
      } finally {
        // Before the answer goes out: a client that asks for progress once it has its answer sees the turn over.
        session.finished();
      }
      session.remember(mapper.createObjectNode().put("from", "regdoc").set("reply", reply));
      io.json(ex, 200, reply);
    } catch (TurnFailed e) {
      io.error(ex, e.status, e.getMessage());
    } finally {
      session.turnLock.unlock();
    }
  }

  private Future<Reply> submit(WebSession session, Incoming incoming) {
    try {
      return turnPool.submit(() -> engine.handle(incoming, session::progress));
    } catch (RejectedExecutionException e) {
      throw new TurnFailed(503, "regdoc is busy with other conversations; please try again in a minute.");
    }
  }

  private static Reply await(Future<Reply> turn) {
    try {
      return turn.get(TURN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      LOG.error("a web chat turn failed", e.getCause());
      throw new TurnFailed(500, "regdoc could not answer that (internal error); the problem was logged.");
    } catch (TimeoutException e) {
      turn.cancel(true);
      throw new TurnFailed(500, "regdoc took too long to answer (over " + TURN_TIMEOUT_MINUTES + " minutes) and gave up.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TurnFailed(500, "the server is stopping.");
    }
  }

  /** A turn that ends in an error answer: its HTTP status and the message the page shows. */
  private static final class TurnFailed extends RuntimeException {
    final int status;

    TurnFailed(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
