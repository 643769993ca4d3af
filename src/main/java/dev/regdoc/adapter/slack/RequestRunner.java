package dev.regdoc.adapter.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import dev.regdoc.adapter.shared.CaseThreads;
import dev.regdoc.adapter.shared.FileFetcher;
import dev.regdoc.adapter.shared.ProgressEdits;
import dev.regdoc.adapter.shared.QueuedJson;
import dev.regdoc.adapter.shared.Refusal;
import dev.regdoc.adapter.shared.ReplyLanguage;
import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.QueuedTurns;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests off Bolt's listener thread (Slack wants its ack within 3 s): checks the allowlists,
 * the rate limit and the files, downloads them, asks the engine, and posts the rendered reply into
 * the case thread.
 */
final class RequestRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RequestRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FRONT_END = "slack";

  /** Messages with files, queued as Slack sent them (not yet downloaded) before their ack. */
  private static final String EVENTS = "slack-event";

  /** Messages without files, button presses and the slash command, queued before their ack. */
  private static final String TURNS = "slack-turn";

  /**
   * file_shared events, queued as Slack sent them (a file id alone) before their ack: whichever
   * instance takes one asks where the file was shared and queues it as a message with that file.
   */
  private static final String FILE_SHARED = "slack-file-shared";

  /** Finds where a file_shared event's file was shared (files.info); null when not for regdoc. */
  @FunctionalInterface
  interface FileSharedResolver {
    SlackRequest resolve(SlackRequest announced) throws IOException;
  }

  /** What a queued turn records once its answer is posted (see {@link QueuedTurns.Lease}). */
  private static final String ANSWER = "answer";

  /**
   * Set only by tests (SeveralInstancesTest): the process stops dead once it has taken an event
   * with files, before anything else is done with it.
   */
  private static final boolean HALT_AFTER_EVENT_TAKEN =
      Boolean.getBoolean("regdoctest.halt-after-event-taken");

  /**
   * Set only by tests (SeveralInstancesTest): a Slack turn this instance takes waits, unanswered,
   * until the process is killed: the seconds after Slack's ack in which an instance may die.
   */
  private static final boolean HOLD_SLACK_TURNS = Boolean.getBoolean("regdoctest.hold-slack-turns");

  /**
   * Set only by tests (SeveralInstancesTest): the process stops dead once a queued turn's answer is
   * posted, before the post is recorded with its job.
   */
  private static final boolean HALT_AFTER_ANSWER_POSTED =
      Boolean.getBoolean("regdoctest.halt-after-answer-posted");

  /** Where a queued turn is answered: the thread and the progress message. */
  record ReplyTo(String team, String channel, String threadTs, String user, String progressTs) {}

  private final ChatEngine engine;
  private final SlackSettings settings;
  private final RequestGuards guards;
  private final FileFetcher fetcher;
  private final SlackPoster poster;
  private final String botToken;
  private final BlockKitRenderer renderer;
  private final CaseThreads caseThreads;
  private volatile FileSharedResolver fileShared = announced -> null;
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "regdoc-slack-request");
            t.setDaemon(true);
            return t;
          });

  RequestRunner(
      ChatEngine engine,
      SlackSettings settings,
      RequestGuards guards,
      SlackPoster poster,
      String botToken) {
    this.engine = engine;
    this.settings = settings;
    this.guards = guards;
    this.poster = poster;
    this.botToken = botToken;
    this.fetcher = new FileFetcher("Slack", settings.allowedFileHosts(), engine.maxUploadBytes());
    this.caseThreads = new CaseThreads(engine);
    this.renderer = new BlockKitRenderer(engine::phrase, engine::lessonFile);
    engine.serveQueued(FRONT_END, this::runQueued);
    engine.serveQueued(EVENTS, this::runEvent);
    engine.serveQueuedTurns(TURNS, this::runTurn);
    engine.serveQueuedTurns(FILE_SHARED, this::runFileShared);
  }

  void resolveFileSharedWith(FileSharedResolver resolver) {
    this.fileShared = resolver;
  }

  /**
   * Takes a file_shared event (its one file a bare id): on a shared store queued before Slack's ack
   * like every other request, otherwise resolved and run here.
   */
  void submitFileShared(SlackRequest announced) {
    if (announced.eventKey() != null && engine.sharesQueue()) {
      queueEvent(announced, FILE_SHARED);
      return;
    }
    submit(announced.eventKey(), () -> fileShared.resolve(announced));
  }

  /** Whether a thread is a case regdoc works in (so plain replies in it are meant for regdoc). */
  boolean isCaseThread(String team, String channel, String threadTs) {
    return threadTs != null
        && caseThreads.contains(SlackRequest.conversationOf(team, channel, threadTs));
  }

  boolean serves(String team, String channel) {
    return settings.serves(team, channel);
  }

  /**
   * Takes the request if it is new and allowed; returns at once. On a shared store every request (a
   * message with or without files, a button press, the slash command) is queued as it came before
   * this returns, and so before Slack's ack: an instance that dies after the ack leaves the queued
   * request to another, and Slack's retry of a request queued already is dropped by whichever
   * instance it reaches. A message with files waits for an analysis slot; the others are run by
   * workers of their own. Without a shared store the request is run here.
   */
  void submit(SlackRequest request) {
    if (request.eventKey() != null && engine.sharesQueue()) {
      queueEvent(request, request.files().isEmpty() ? TURNS : EVENTS);
      return;
    }
    submit(request.eventKey(), () -> request);
  }

  private void queueEvent(SlackRequest r, String lane) {
    if (!settings.serves(r.team(), r.channel())) {
      log.info(
          "ignoring {} in {}/{}: not in the Slack allowlist", r.eventKey(), r.team(), r.channel());
      return;
    }
    if (!guards.allow(r.user())) {
      pool.submit(() -> slowDown(r));
      return;
    }
    String json = QueuedJson.of(r);
    if (engine.enqueueOnce(incoming(r, List.of()), lane, json, queuedKey(r)).isEmpty()) {
      log.debug("ignoring Slack's redelivery of {}: queued already", r.eventKey());
    }
    if (HALT_AFTER_EVENT_TAKEN) {
      Runtime.getRuntime().halt(137); // a test's crash between the queueing and Slack's ack
    }
  }

  private void slowDown(SlackRequest r) {
    try {
      String said = guards.slowDown(engine::phrase, language(r), "<@" + r.user() + ">");
      poster.post(r.channel(), r.threadTs(), said, null);
    } catch (IOException e) {
      log.warn("Slack request {} in {} failed: {}", r.eventKey(), r.conversation(), e.toString());
    }
  }

  /**
   * A queued message with files, taken by this instance (possibly queued by another, possibly taken
   * over from one that died): its files downloaded and analysed here, answered in its thread. What
   * it posts is recorded with the job, so a takeover posts each message once.
   */
  private void runEvent(Incoming queued, String replyTo, QueuedTurns.Lease lease)
      throws IOException {
    holdIfTesting();
    SlackRequest t = inCaseThread(JSON.readValue(replyTo, SlackRequest.class), lease);
    String lang = language(t);
    // the same file announced twice (file_shared and the message with files) is analysed once; each
    // file is taken in this event's name, so an instance taking the job over makes the same choice
    String by = queuedKey(t);
    t =
        t.withFiles(
            t.files().stream()
                .filter(f -> engine.firstDelivery("slack:file:" + f.id(), by))
                .toList());
    if (t.files().isEmpty() && t.text().isBlank()) {
      return;
    }
    String progressTs =
        postOnce(lease, "progress", t, say("team-downloading", lang, "files", names(t.files())));
    List<Upload> uploads = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    try {
      for (SlackRequest.FileRef f : t.files()) {
        fetcher.fetch(f.name(), f.url(), f.size(), botToken, refusals).ifPresent(uploads::add);
      }
      if (!refusals.isEmpty()) {
        postOnce(lease, "refusals", t, warnings(refusals, lang));
      }
      if (uploads.isEmpty() && t.text().isBlank()) {
        poster.update(t.channel(), progressTs, say("team-nothing-read", lang));
        return;
      }
      Reply reply = engine.handle(incoming(t, uploads), progress(t, progressTs));
      if (!lease.stillMine()) {
        log.info("job of {} was taken over by another instance; it answers", t.conversation());
        return;
      }
      post(t, reply, progressTs, lease);
    } finally {
      for (Upload u : uploads) {
        Files.deleteIfExists(u.content());
      }
    }
  }

  /**
   * A queued request without files (a message, a button press, the slash command), taken by this
   * instance (possibly queued by another, possibly taken over from one that died): answered in its
   * thread. Each message it posts is recorded with the job, so a takeover posts none twice; one
   * whose answer is out already is not run again.
   */
  private void runTurn(Incoming queued, String replyTo, QueuedTurns.Lease lease)
      throws IOException {
    holdIfTesting();
    SlackRequest t = inCaseThread(JSON.readValue(replyTo, SlackRequest.class), lease);
    if (postedBefore(lease, ANSWER, t).isPresent()) {
      return; // answered by the instance that died before it could end the job
    }
    Reply reply = engine.handle(incoming(t, List.of()), ProgressSink.NONE);
    if (!lease.stillMine()) {
      log.info("turn of {} was taken over by another instance; it answers", t.conversation());
      return;
    }
    post(t, reply, null, lease);
  }

  /**
   * A queued file_shared event, taken by this instance: files.info says where the file was shared,
   * and one shared in a case thread is queued as a message with that file for an analysis slot,
   * once, whichever instance resolves it (a takeover resolves it again and finds it queued).
   */
  private void runFileShared(Incoming queued, String replyTo, QueuedTurns.Lease lease)
      throws IOException {
    holdIfTesting();
    SlackRequest announced = JSON.readValue(replyTo, SlackRequest.class);
    SlackRequest found = fileShared.resolve(announced);
    if (found == null) {
      return;
    }
    SlackRequest r = found.withEventKey(announced.eventKey() + ":resolved");
    engine.enqueueOnce(incoming(r, List.of()), EVENTS, JSON.writeValueAsString(r), queuedKey(r));
  }

  /**
   * The queued request in its case thread: one outside a thread (the slash command, a message with
   * files at the top of a channel) gets a thread, opened once per job.
   */
  private SlackRequest inCaseThread(SlackRequest t, QueuedTurns.Lease lease) throws IOException {
    SlackRequest in = t;
    if (in.threadTs() == null) {
      String ts = lease.posted("thread").orElse(null);
      if (ts == null) {
        ts = poster.post(in.channel(), null, say("team-thread-opener", language(in)), null);
        lease.recordPost("thread", ts);
      }
      in = in.inThread(ts);
    }
    caseThreads.remember(in.conversation());
    return in;
  }

  /** The key a Slack request is queued under: one job per Slack delivery among all instances. */
  private static String queuedKey(SlackRequest r) {
    return "slack:event:" + r.eventKey();
  }

  /**
   * Takes a request that needs Slack calls to be known (file_shared carries only a file id); the
   * resolver runs on the worker and may return null when the event is not for regdoc.
   */
  void submit(String eventKey, Callable<SlackRequest> resolver) {
    if (eventKey != null && !firstTime("event:" + eventKey)) {
      log.debug("ignoring Slack's redelivery of {}", eventKey);
      return;
    }
    pool.submit(
        () -> {
          try {
            SlackRequest request = resolver.call();
            if (request == null) {
              return;
            }
            if (!settings.serves(request.team(), request.channel())) {
              log.info(
                  "ignoring {} in {}/{}: not in the Slack allowlist",
                  eventKey,
                  request.team(),
                  request.channel());
              return;
            }
            runSafely(request);
          } catch (Exception e) {
            log.warn("Slack event {} could not be handled: {}", eventKey, e.toString());
          }
        });
  }

  private static void holdIfTesting() throws InterruptedIOException {
    if (HOLD_SLACK_TURNS) {
      try {
        new CountDownLatch(1).await(); // until the process is killed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("stopped while held");
      }
    }
  }

  private boolean firstTime(String key) {
    return guards.firstDelivery("slack", key, engine::firstDelivery);
  }

  private void runSafely(SlackRequest request) {
    try {
      run(request);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Slack request {} in {} failed: {}",
          request.eventKey(),
          request.conversation(),
          e.toString());
    }
  }

  private void run(SlackRequest request) throws IOException {
    holdIfTesting();
    SlackRequest t = request;
    String lang = language(t);
    if (t.threadTs() == null) {
      String ts = poster.post(t.channel(), null, say("team-thread-opener", lang), null);
      t = t.inThread(ts);
    }
    caseThreads.remember(t.conversation());
    if (!guards.allow(t.user())) {
      String slowDown = guards.slowDown(engine::phrase, lang, "<@" + t.user() + ">");
      poster.post(t.channel(), t.threadTs(), slowDown, null);
      return;
    }
    List<SlackRequest.FileRef> fresh =
        t.files().stream().filter(f -> firstTime("file:" + f.id())).toList();
    if (!t.files().isEmpty() && fresh.isEmpty() && t.text().isBlank()) {
      return; // the same file announced twice (file_shared and the message with files)
    }
    answer(t.withFiles(fresh), lang);
  }

  /** The files refused, one warning line each, in {@code lang}. */
  private String warnings(List<Refusal> refusals, String lang) {
    List<String> said = refusals.stream().map(r -> r.say(engine::phrase, lang)).toList();
    return ":warning: " + String.join("\n:warning: ", said);
  }

  private void answer(SlackRequest t, String lang) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    String progressTs = null;
    try {
      if (!t.files().isEmpty()) {
        String downloading = say("team-downloading", lang, "files", names(t.files()));
        progressTs = poster.post(t.channel(), t.threadTs(), downloading, null);
      }
      for (SlackRequest.FileRef f : t.files()) {
        fetcher.fetch(f.name(), f.url(), f.size(), botToken, refusals).ifPresent(uploads::add);
      }
      if (!refusals.isEmpty()) {
        poster.post(t.channel(), t.threadTs(), warnings(refusals, lang), null);
      }
      if (!t.files().isEmpty() && uploads.isEmpty() && t.text().isBlank()) {
        poster.update(t.channel(), progressTs, say("team-nothing-read", lang));
        return;
      }
      if (!uploads.isEmpty()
          && engine
              .enqueue(
                  incoming(t, uploads),
                  FRONT_END,
                  JSON.writeValueAsString(
                      new ReplyTo(t.team(), t.channel(), t.threadTs(), t.user(), progressTs)))
              .isPresent()) {
        return; // any instance with a free analysis slot answers it (runQueued)
      }
      Reply reply = engine.handle(incoming(t, uploads), progress(t, progressTs));
      if (progressTs != null) {
        poster.update(
            t.channel(), progressTs, say("team-analysed", lang, "files", names(t.files())));
      }
      post(t, reply);
    } finally {
      for (Upload u : uploads) {
        Files.deleteIfExists(u.content());
      }
    }
  }

  /**
   * A queued turn, taken by this instance (possibly queued by another): analysed, then answered in
   * its thread unless another instance took the job over meanwhile.
   */
  private void runQueued(Incoming in, String replyTo, QueuedTurns.Lease lease) throws IOException {
    ReplyTo to = JSON.readValue(replyTo, ReplyTo.class);
    SlackRequest t =
        new SlackRequest(
            null, to.team(), to.channel(), to.threadTs(), to.user(), in.text(), List.of(), null);
    Reply reply = engine.handle(in, progress(t, to.progressTs()));
    if (!lease.stillMine()) {
      log.info("job of {} was taken over by another instance; it answers", t.conversation());
      return;
    }
    // The answer replaces the progress message, posted before the turn was queued: an instance that
    // takes the job over after a crash between this edit and the job's end edits the same message
    // again instead of posting a second answer.
    post(t, reply, to.progressTs(), lease);
  }

  private void post(SlackRequest t, Reply reply) throws IOException {
    post(t, reply, null, null);
  }

  /**
   * Posts the reply, or puts it in the message {@code inPlaceTs} when there is one. A queued turn's
   * pictures are recorded with its job as each is uploaded, so an instance that takes the job over
   * after a crash uploads only those still missing.
   */
  private void post(SlackRequest t, Reply reply, String inPlaceTs, QueuedTurns.Lease lease)
      throws IOException {
    BlockKitRenderer.Rendered r = renderer.render(reply);
    if (inPlaceTs == null && lease == null) {
      poster.post(t.channel(), t.threadTs(), r.text(), r.blocks());
    } else if (inPlaceTs == null) {
      postOnce(lease, ANSWER, t, r.text(), r.blocks());
    } else {
      poster.update(t.channel(), inPlaceTs, r.text(), r.blocks());
    }
    int n = 0;
    for (BlockKitRenderer.FileOut f : r.files()) {
      String item = "file " + n++ + " " + f.fileName();
      if (lease != null && lease.posted(item).isPresent()) {
        continue; // uploaded by the instance that held the job before
      }
      try {
        poster.upload(t.channel(), t.threadTs(), f);
        if (lease != null) {
          lease.recordPost(item, "uploaded");
        }
      } catch (IOException e) {
        // the message went out; say in the thread what is missing rather than drop it silently
        log.warn("upload of {} to {} failed: {}", f.fileName(), t.conversation(), e.getMessage());
        String failed =
            say("team-upload-failed", reply.lang(), "file", f.fileName(), "reason", e.getMessage());
        poster.post(t.channel(), t.threadTs(), ":warning: " + failed, null);
      }
    }
  }

  private String postOnce(QueuedTurns.Lease lease, String item, SlackRequest t, String text)
      throws IOException {
    return postOnce(lease, item, t, text, null);
  }

  /**
   * Posts a queued job's message {@code item} into its thread once: tagged with the job and the
   * item, and recorded with the job once posted. A job taken over from an instance that died posts
   * it again only when neither the record nor a tagged message in the thread says it is out already
   * (the first may have died between the post and its record). Returns the message's ts.
   */
  private String postOnce(
      QueuedTurns.Lease lease, String item, SlackRequest t, String text, List<LayoutBlock> blocks)
      throws IOException {
    Optional<String> before = postedBefore(lease, item, t);
    if (before.isPresent()) {
      return before.get();
    }
    String ts =
        poster.post(t.channel(), t.threadTs(), text, blocks, SlackPoster.tag(lease.job(), item));
    if (HALT_AFTER_ANSWER_POSTED && ANSWER.equals(item)) {
      Runtime.getRuntime().halt(137); // a test's crash between the answer and its record
    }
    lease.recordPost(item, ts);
    return ts;
  }

  /**
   * The ts of the job's message {@code item} when it is out already: recorded with the job, or, on
   * a takeover, found by its tag in the thread (then recorded now).
   */
  private Optional<String> postedBefore(QueuedTurns.Lease lease, String item, SlackRequest t)
      throws IOException {
    Optional<String> recorded = lease.posted(item);
    if (recorded.isPresent() || !lease.takenOver()) {
      return recorded;
    }
    String tagged = poster.tagged(t.channel(), t.threadTs(), lease.job()).get(item);
    if (tagged == null) {
      return Optional.empty();
    }
    lease.recordPost(item, tagged);
    return Optional.of(tagged);
  }

  /** Updates the progress message (Slack rate-limits chat.update: see {@link ProgressEdits}). */
  private ProgressSink progress(SlackRequest t, String progressTs) {
    if (progressTs == null) {
      return ProgressSink.NONE;
    }
    return new ProgressEdits(text -> poster.update(t.channel(), progressTs, text));
  }

  /** The language the engine answers the request in; English when the store cannot say. */
  private String language(SlackRequest t) {
    return ReplyLanguage.of(engine, incoming(t, List.of()), t.eventKey());
  }

  private String say(String key, String lang, Object... values) {
    return engine.phrase(key, lang, values);
  }

  private static Incoming incoming(SlackRequest t, List<Upload> uploads) {
    String user = "slack:" + t.user();
    return new Incoming(t.conversation(), user, t.user(), t.text(), uploads, t.action(), null);
  }

  private static String names(List<SlackRequest.FileRef> files) {
    return String.join(", ", files.stream().map(SlackRequest.FileRef::name).toList());
  }

  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
