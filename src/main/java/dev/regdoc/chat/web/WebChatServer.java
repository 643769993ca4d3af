package dev.regdoc.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.common.BoundedCopy;
import dev.regdoc.common.Sizes;
import dev.regdoc.common.TempFiles;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.QueuedTurns;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat: a page and a small JSON API on Jetty's core handler API. Jetty parses requests
 * without holding a thread, closes connections silent for longer than the idle timeout (also
 * mid-body), and caps connections in total; {@link HeaderDeadline} bounds a request's headers and
 * {@link ClientConnections} the connections of one client. Every request passes {@link WebGate}
 * (own Host, own origin); API calls also need JSON (or the page's upload) and their session's page
 * token. Turns run {@link ChatEngine#handle} on a separate bounded pool so a slow analysis never
 * holds a request thread for long, and a busy server answers 503 instead of queueing without end.
 */
public final class WebChatServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebChatServer.class);

  /**
   * Request threads beyond those that may wait on a running or queued turn, for pages, progress and
   * history.
   */
  private static final int SPARE_REQUEST_THREADS = 32;

  private static final int MAX_CONNECTIONS = 512;
  private static final int QUEUED_TURNS = 64;
  private static final long TURN_TIMEOUT_MINUTES = 15;
  private static final String FRONT_END = "web";

  /** How often a request waiting on a queued turn asks the store for its answer. */
  private static final long ANSWER_POLL_MS = 200;

  /**
   * Bytes per second below which a request body is too slow and its read fails (Jetty checks it on
   * each read).
   */
  private static final long MIN_BODY_BYTES_PER_SECOND = 1024;

  /** An API handler, given the caller's session. */
  @FunctionalInterface
  private interface ApiHandler {
    void handle(WebCall call, WebSession session) throws IOException;
  }

  /** An API route: its handler and the body type its POSTs must carry. */
  private record Api(ApiHandler handler, String bodyType) {}

  private final Server jetty;
  private final ServerConnector connector;
  private final HeaderDeadline headerDeadline;
  private final ThreadPoolExecutor turnPool;
  private final ChatEngine engine;
  private final WebExchanges io;
  private final StaticFiles files;
  private final ReplyJson replies;
  private final WebHistory history;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Api> apis;
  private WebGate gate;

  private WebChatServer(
      ChatEngine engine, WebChatSettings s, OperatorChecks ops, byte[] sessionKey) {
    this.engine = engine;
    this.io =
        new WebExchanges(
            mapper,
            new WebSessions(s.historyLimit()),
            sessionKey == null ? new RequestTokens() : new RequestTokens(sessionKey));
    this.files = new StaticFiles(io);
    this.replies = new ReplyJson(mapper);
    this.history =
        new WebHistory(engine.conversationTurns(), mapper, s.historyLimit(), Clock.systemUTC());
    this.apis =
        Map.of(
            "/api/message", new Api(this::message, "application/json"),
            "/api/upload", new Api(this::upload, "application/octet-stream"),
            "/api/progress", new Api(this::progress, "application/json"),
            "/api/history", new Api(this::history, "application/json"),
            "/api/greeting", new Api(this::greeting, "application/json"),
            "/api/lesson-file", new Api(this::lessonFile, "application/json"));
    this.turnPool =
        new ThreadPoolExecutor(
            s.turnThreads(),
            s.turnThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_TURNS),
            named("regdoc-web-turn"));
    // A turn's request thread waits for its answer: with fewer threads than turns running and
    // queued, waiting turns
    // would starve page loads and progress polls (seen in the soak with 50 sessions).
    QueuedThreadPool threads =
        new QueuedThreadPool(s.turnThreads() + QUEUED_TURNS + SPARE_REQUEST_THREADS);
    threads.setName("regdoc-web-http");
    threads.setDaemon(true);
    this.jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(s.host());
    connector.setPort(s.port());
    connector.setIdleTimeout(s.idleTimeout().toMillis());
    this.headerDeadline = new HeaderDeadline(s.headerTimeout());
    connector.addBean(headerDeadline);
    connector.addBean(new ClientConnections(s.connectionsPerClient()));
    jetty.addConnector(connector);
    ConnectionLimit limit = new ConnectionLimit(MAX_CONNECTIONS, jetty);
    // Once at the limit, idle connections are given a short time only, so the limit frees itself.
    limit.setIdleTimeout(Math.min(s.idleTimeout().toMillis(), s.headerTimeout().toMillis()));
    jetty.addBean(limit);
    jetty.setHandler(
        ops == null
            ? new Routes()
            : new Handler.Sequence(new OperatorEndpoints(ops), new Routes()));
    engine.serveQueued(FRONT_END, this::runQueued);
  }

  /** Binds and starts serving; the port is taken at once (0 = a free port, see {@link #port()}). */
  public static WebChatServer start(WebChatSettings s, ChatEngine engine) {
    return start(s, engine, null);
  }

  /** As above, with /health, /ready and /metrics on the same port ({@code ops} null: without). */
  public static WebChatServer start(WebChatSettings s, ChatEngine engine, OperatorChecks ops) {
    return start(s, engine, ops, null);
  }

  /**
   * As above, signing the pages' tokens with {@code sessionKey} (null: a key of this process only).
   * Instances behind one load balancer are given the same key, so any of them serves a page's
   * session.
   */
  public static WebChatServer start(
      WebChatSettings s, ChatEngine engine, OperatorChecks ops, byte[] sessionKey) {
    WebChatServer server = new WebChatServer(engine, s, ops, sessionKey);
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.stop();
      throw new UncheckedIOException(
          new IOException(
              "cannot listen on " + s.host() + ":" + s.port() + ": " + e.getMessage(), e));
    }
    server.gate = new WebGate(WebGate.ownNames(s.host(), s.hostNames()), server.port());
    LOG.info("web chat listening on {}", server.uri());
    return server;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI uri() {
    String host = connector.getHost();
    return URI.create(
        "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  /** Stops listening, lets turns in flight finish for a moment, then stops the pools. */
  public void stop() {
    turnPool.shutdown();
    try {
      if (!turnPool.awaitTermination(5, TimeUnit.SECONDS)) {
        turnPool.shutdownNow();
      }
    } catch (InterruptedException e) {
      turnPool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      jetty.setStopTimeout(1000);
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("the web chat did not stop cleanly: {}", e.getMessage());
    }
    headerDeadline.close();
  }

  /**
   * Every request: the gate, then a page file or an API call; anything unexpected is a JSON 500
   * (logged, not shown).
   */
  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      WebCall call = new WebCall(request, response);
      try {
        route(call);
        callback.succeeded();
      } catch (IOException e) {
        LOG.debug("web chat client went away: {}", e.getMessage());
        callback.failed(e);
      } catch (RuntimeException e) {
        LOG.error("web chat request {} {} failed", call.method(), call.path(), e);
        answerInternalError(call);
        callback.succeeded();
      }
      return true;
    }
  }

  private void route(WebCall call) throws IOException {
    String refused = gate.refusal(call);
    if (refused != null) {
      io.error(call, 403, refused);
      return;
    }
    if (files.has(call.path())) {
      files.serve(call);
      return;
    }
    Api api = apis.get(call.path());
    if (api == null) {
      io.error(call, 404, "no such page: " + call.path());
      return;
    }
    String badType = WebGate.typeRefusal(call, api.bodyType());
    if (badType != null) {
      io.error(call, 403, badType);
      return;
    }
    WebSession session = io.session(call);
    if (session != null) {
      api.handler().handle(call, session);
    }
  }

  private void answerInternalError(WebCall call) {
    if (call.committed()) {
      return;
    }
    try {
      io.error(
          call,
          500,
          "regdoc could not handle that request (internal error); the problem was logged.");
    } catch (IOException | RuntimeException ignored) {
      // the client is gone; nothing more can be sent
    }
  }

  private void message(WebCall call, WebSession session) throws IOException {
    if (!io.requireMethod(call, "POST")) {
      return;
    }
    JsonNode body = io.readJson(call);
    if (body == null) {
      return;
    }
    session.rename(body.path("name").asText(null));
    String text = body.path("text").asText("");
    String action = body.hasNonNull("action") ? body.get("action").asText() : null;
    if (text.isBlank() && action == null) {
      io.error(call, 400, "send {\"text\": ...} or {\"action\": ...}");
      return;
    }
    String lang = body.hasNonNull("lang") ? body.get("lang").asText() : null;
    ObjectNode userTurn = mapper.createObjectNode().put("from", "user");
    userTurn.put(
        action == null ? "text" : "action",
        action == null ? text : body.path("label").asText(action));
    runTurn(
        call,
        session,
        userTurn,
        new Incoming(
            session.conversation(),
            session.user(),
            session.userName(),
            text,
            List.of(),
            action,
            lang,
            true));
  }

  /**
   * One or several files in one body, one after another: {@code ?name=a&size=n&name=b&size=m}; a
   * single file may leave out its size. Several files chosen at once are one turn, so one analysis
   * and one answer.
   */
  private void upload(WebCall call, WebSession session) throws IOException {
    if (!io.requireMethod(call, "POST")) {
      return;
    }
    List<String> names = call.queryParams("name");
    List<String> sizes = call.queryParams("size");
    long limit = engine.maxUploadBytes();
    if (names.size() <= 1 && sizes.isEmpty()) {
      uploadOne(call, session, UploadNames.clean(names.isEmpty() ? null : names.get(0)), limit);
      return;
    }
    List<Long> announced = UploadBatch.sizes(names, sizes, call.contentLength());
    if (announced == null) {
      io.error(call, 400, UploadBatch.USAGE);
      return;
    }
    UploadBatch batch = new UploadBatch();
    try {
      for (int i = 0; i < names.size(); i++) {
        batch.add(call.body(), UploadNames.clean(names.get(i)), announced.get(i), limit);
      }
      ObjectNode userTurn = mapper.createObjectNode().put("from", "user");
      userTurn.put("file", String.join(", ", batch.names()));
      runTurn(call, session, userTurn, uploadTurn(session, batch.uploads()));
    } finally {
      batch.delete();
    }
  }

  private void uploadOne(WebCall call, WebSession session, String name, long limit)
      throws IOException {
    long announced = call.contentLength();
    if (announced > limit) {
      // Refused on the announced size alone: the body is never stored, only discarded after the
      // answer.
      io.refuseTooLarge(call, tooBig(name, announced, limit));
      return;
    }
    Path tmp = TempFiles.process().newFile("web-", ".upload");
    try {
      // The body is left open: closing it would cut off the rest the refusal still has to read.
      MessageDigest sha = UploadHash.newDigest();
      long size = BoundedCopy.copyAtMost(call.body(), tmp, limit, sha);
      if (size == BoundedCopy.TOO_LARGE) {
        io.refuseTooLarge(call, tooBig(name, -1, limit));
        return;
      }
      ObjectNode userTurn =
          mapper.createObjectNode().put("from", "user").put("file", name).put("size", size);
      runTurn(
          call,
          session,
          userTurn,
          uploadTurn(session, List.of(new Upload(name, size, tmp, UploadHash.hex(sha)))));
    } finally {
      TempFiles.process().delete(tmp);
    }
  }

  private static Incoming uploadTurn(WebSession session, List<Upload> uploads) {
    return new Incoming(
        session.conversation(), session.user(), session.userName(), "", uploads, null, null, true);
  }

  private static String tooBig(String name, long size, long limit) {
    String was = size < 0 ? "is larger than" : "is " + Sizes.human(size) + ", more than";
    return name + " " + was + " the upload limit of " + Sizes.human(limit) + "; it was not read.";
  }

  private void progress(WebCall call, WebSession session) throws IOException {
    ObjectNode out = mapper.createObjectNode();
    out.put("running", session.running() || hasQueuedTurn(session));
    out.put("text", session.progressText());
    out.put("percent", session.progressPercent());
    io.json(call, 200, out);
  }

  /**
   * What the page shows before anything was said, in the browser's language ({@code ?lang=}); not
   * kept in the session's history.
   */
  private void greeting(WebCall call, WebSession session) throws IOException {
    if (!io.requireMethod(call, "GET")) {
      return;
    }
    io.json(call, 200, withPageWords(replies.toJson(engine.greeting(call.queryParam("lang")))));
  }

  /** The reply with the page's own words in its language, so the page follows the conversation. */
  private ObjectNode withPageWords(ObjectNode reply) {
    ObjectNode words = reply.putObject("page");
    engine.pageWords(reply.path("lang").asText("en")).forEach(words::put);
    return reply;
  }

  private void history(WebCall call, WebSession session) throws IOException {
    for (ChatEngine.QueuedAnswer a : engine.queuedAnswers(session.conversation())) {
      if (a.json() != null) {
        rememberQueued(session, a);
      }
    }
    ObjectNode out = mapper.createObjectNode();
    out.putArray("turns").addAll(history.turns(session));
    io.json(call, 200, out);
  }

  /**
   * A lesson's file as a download, behind the same gate and page token as every API call; only the
   * lessons' own files are served (the engine refuses any other name, see LessonLibrary).
   */
  private void lessonFile(WebCall call, WebSession session) throws IOException {
    if (!io.requireMethod(call, "GET")) {
      return;
    }
    String file = call.queryParam("file");
    Optional<Path> path = engine.lessonFile(call.queryParam("lesson"), file);
    if (path.isEmpty()) {
      io.error(call, 404, "no such lesson file");
      return;
    }
    // the name is one plain path segment of letters, digits, '.', '_' and '-' (LessonLibrary)
    call.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    call.sendFile(200, "application/octet-stream", path.get());
  }

  /** Whether a turn of this session waits in the shared queue or runs on some instance. */
  private boolean hasQueuedTurn(WebSession session) {
    return engine.queuedAnswers(session.conversation()).stream()
        .anyMatch(
            a -> a.json() == null && ("queued".equals(a.state()) || "running".equals(a.state())));
  }

  /** Where a queued turn is answered: the session, and the user's turn to show with the answer. */
  private record ReplyTo(String session, JsonNode userTurn) {}

  /**
   * Runs one turn on the turn pool (one per session at a time) and answers with the reply's JSON. A
   * turn with files goes to the shared analysis queue when there is one: whichever instance takes
   * it keeps the answer in the store, where this request, or any instance the browser asks after
   * this one died, finds it.
   */
  private void runTurn(WebCall call, WebSession session, ObjectNode userTurn, Incoming incoming)
      throws IOException {
    session.turnLock.lock();
    try {
      if (!incoming.uploads().isEmpty() && runQueuedTurn(call, session, userTurn, incoming)) {
        return;
      }
      history.said(session, userTurn);
      session.started();
      ObjectNode reply;
      try {
        ObjectNode answer = withPageWords(replies.toJson(await(submit(session, incoming))));
        // The code others join the case with, for the page's case bar (only people in the case see
        // it).
        engine.joinCode(session.conversation()).ifPresent(code -> answer.put("joinCode", code));
        reply = answer;
      } finally {
        // Before the answer goes out: a client that asks for progress once it has its answer sees
        // the turn over.
        session.finished();
      }
      history.said(session, mapper.createObjectNode().put("from", "regdoc").set("reply", reply));
      io.json(call, 200, reply);
    } catch (TurnFailed e) {
      io.error(call, e.status, e.getMessage());
    } finally {
      session.turnLock.unlock();
    }
  }

  /** The queued path of {@link #runTurn}; false when there is no shared queue. */
  private boolean runQueuedTurn(
      WebCall call, WebSession session, ObjectNode userTurn, Incoming incoming) throws IOException {
    OptionalLong job =
        engine.enqueue(
            incoming, FRONT_END, mapper.writeValueAsString(new ReplyTo(session.id(), userTurn)));
    if (job.isEmpty()) {
      return false;
    }
    history.queued(session, job.getAsLong(), userTurn);
    session.started();
    ChatEngine.QueuedAnswer answer;
    try {
      answer = awaitAnswer(job.getAsLong());
    } finally {
      session.finished();
    }
    if (answer.json() == null) {
      io.error(call, 500, "regdoc could not answer that (internal error); the problem was logged.");
      return true;
    }
    io.json(call, 200, rememberQueued(session, answer).path("reply"));
    return true;
  }

  /** Waits for the queued turn's answer, kept in the store by the instance that ran it. */
  private ChatEngine.QueuedAnswer awaitAnswer(long job) {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(TURN_TIMEOUT_MINUTES);
    while (System.nanoTime() < end) {
      Optional<ChatEngine.QueuedAnswer> a = engine.queuedAnswer(job);
      if (a.isPresent() && (a.get().json() != null || "failed".equals(a.get().state()))) {
        return a.get();
      }
      try {
        Thread.sleep(ANSWER_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TurnFailed(500, "the server is stopping.");
      }
    }
    throw new TurnFailed(
        500,
        "regdoc took too long to answer (over " + TURN_TIMEOUT_MINUTES + " minutes) and gave up.");
  }

  /**
   * Puts a queued turn and its answer into the conversation's history once, whichever of the
   * instance that answered, the waiting request and a history call sees it first; returns the
   * stored answer.
   */
  private JsonNode rememberQueued(WebSession session, ChatEngine.QueuedAnswer a) {
    JsonNode stored;
    try {
      stored = mapper.readTree(a.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the page knows the answer by its job, so that it shows it once however it arrives
    ((ObjectNode) stored.path("reply")).put("job", a.job());
    history.answered(session.conversation(), session, a.job(), stored);
    return stored;
  }

  /**
   * A queued web turn, taken by this instance (possibly queued by another): analysed, and its
   * answer kept with the job unless another instance took the job over meanwhile. Progress goes to
   * the session when this instance serves it.
   */
  private void runQueued(Incoming in, String replyTo, QueuedTurns.Lease lease) throws IOException {
    ReplyTo to = mapper.readValue(replyTo, ReplyTo.class);
    WebSession session = io.knownSession(to.session());
    Reply reply = engine.handle(in, session == null ? ProgressSink.NONE : session::progress);
    ObjectNode answer = withPageWords(replies.toJson(reply));
    engine.joinCode(in.conversation()).ifPresent(code -> answer.put("joinCode", code));
    ObjectNode stored = mapper.createObjectNode();
    stored.set("user", to.userTurn());
    stored.set("reply", answer);
    if (!lease.answer(stored.toString())) {
      LOG.info("web job of {} was taken over by another instance; it answers", in.conversation());
      return;
    }
    // into the conversation's history at once, whether or not a page is waiting for it
    answer.put("job", lease.job());
    history.answered(in.conversation(), session, lease.job(), stored);
  }

  private Future<Reply> submit(WebSession session, Incoming incoming) {
    try {
      return turnPool.submit(() -> engine.handle(incoming, session::progress));
    } catch (RejectedExecutionException e) {
      throw new TurnFailed(
          503, "regdoc is busy with other conversations; please try again in a minute.");
    }
  }

  private static Reply await(Future<Reply> turn) {
    try {
      return turn.get(TURN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      LOG.error("a web chat turn failed", e.getCause());
      throw new TurnFailed(
          500, "regdoc could not answer that (internal error); the problem was logged.");
    } catch (TimeoutException e) {
      turn.cancel(true);
      throw new TurnFailed(
          500,
          "regdoc took too long to answer (over "
              + TURN_TIMEOUT_MINUTES
              + " minutes) and gave up.");
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

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
