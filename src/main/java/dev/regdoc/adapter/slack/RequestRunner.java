package dev.regdoc.adapter.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.regdoc.adapter.shared.CaseThreads;
import dev.regdoc.adapter.shared.FileFetcher;
import dev.regdoc.adapter.shared.ProgressEdits;
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
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

  /**
   * Set only by tests (SeveralInstancesTest): the process stops dead once it has taken an event
   * with files, before anything else is done with it.
   */
  private static final boolean HALT_AFTER_EVENT_TAKEN =
      Boolean.getBoolean("regdoctest.halt-after-event-taken");

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
   * Takes the request if it is new and allowed; returns at once. A message with files, on a shared
   * store, is queued as it came before this returns (and so before Slack's ack): an instance that
   * dies after the ack leaves the queued event to another, and Slack's retry of an event queued
   * already is dropped by whichever instance it reaches.
   */
  void submit(SlackRequest request) {
    if (!request.files().isEmpty() && request.eventKey() != null && engine.sharesQueue()) {
      queueEvent(request);
      return;
    }
    submit(request.eventKey(), () -> request);
  }

  private void queueEvent(SlackRequest r) {
    if (!settings.serves(r.team(), r.channel())) {
      log.info(
          "ignoring {} in {}/{}: not in the Slack allowlist", r.eventKey(), r.team(), r.channel());
      return;
    }
    if (!guards.allow(r.user())) {
      pool.submit(() -> slowDown(r));
      return;
    }
    String json;
    try {
      json = JSON.writeValueAsString(r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (engine
        .enqueueOnce(incoming(r, List.of()), EVENTS, json, "slack:event:" + r.eventKey())
        .isEmpty()) {
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
    SlackRequest t = JSON.readValue(replyTo, SlackRequest.class);
    String lang = language(t);
    if (t.threadTs() == null) {
      // a message with files outside a thread: its case gets a thread, opened once per job
      String ts = lease.posted("thread").orElse(null);
      if (ts == null) {
        ts = poster.post(t.channel(), null, say("team-thread-opener", lang), null);
        lease.recordPost("thread", ts);
      }
      t = t.inThread(ts);
    }
    caseThreads.remember(t.conversation());
    if (!lease.takenOver()) {
      // the same file announced twice (file_shared and the message with files) is analysed once; a
      // takeover trusts the choice of the instance that died
      t = t.withFiles(t.files().stream().filter(f -> firstTime("file:" + f.id())).toList());
      if (t.files().isEmpty() && t.text().isBlank()) {
        return;
      }
    }
    String progressTs = lease.posted("progress").orElse(null);
    if (progressTs == null) {
      String downloading = say("team-downloading", lang, "files", names(t.files()));
      progressTs = poster.post(t.channel(), t.threadTs(), downloading, null);
      lease.recordPost("progress", progressTs);
    }
    List<Upload> uploads = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    try {
      for (SlackRequest.FileRef f : t.files()) {
        fetcher.fetch(f.name(), f.url(), f.size(), botToken, refusals).ifPresent(uploads::add);
      }
      if (!refusals.isEmpty() && lease.posted("refusals").isEmpty()) {
        List<String> said = refusals.stream().map(r -> r.say(engine::phrase, lang)).toList();
        poster.post(
            t.channel(), t.threadTs(), ":warning: " + String.join("\n:warning: ", said), null);
        lease.recordPost("refusals", "posted");
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
        List<String> said = refusals.stream().map(r -> r.say(engine::phrase, lang)).toList();
        poster.post(
            t.channel(), t.threadTs(), ":warning: " + String.join("\n:warning: ", said), null);
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
    if (inPlaceTs == null) {
      poster.post(t.channel(), t.threadTs(), r.text(), r.blocks());
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
