package dev.regdoc.adapter.discord;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests off JDA's event thread: checks the allowlists, the rate limit and the attachments,
 * downloads them, asks the engine, and posts the rendered reply into the case thread (opening the
 * thread first when the request starts a case). On a shared store, messages with attachments and
 * /regdoc commands go through the analysis queue instead, so that any instance answers them and one
 * dying mid-way loses nothing ({@link #submit}).
 */
final class DiscordRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordRunner.class);
  private static final int THREAD_NAME = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Messages with attachments and /regdoc commands, queued as Discord sent them. */
  static final String EVENTS = "discord-event";

  private final ChatEngine engine;
  private final DiscordSettings settings;
  private final RequestGuards guards;
  private final FileFetcher fetcher;
  private final DiscordPort port;
  private final EmbedRenderer renderer;
  private final CaseThreads caseThreads;
  private final Clock clock;

  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "regdoc-discord-request");
            t.setDaemon(true);
            return t;
          });

  DiscordRunner(
      ChatEngine engine, DiscordSettings settings, RequestGuards guards, DiscordPort port) {
    this(engine, settings, guards, port, Clock.systemUTC());
  }

  DiscordRunner(
      ChatEngine engine,
      DiscordSettings settings,
      RequestGuards guards,
      DiscordPort port,
      Clock clock) {
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    this.guards = guards;
    this.port = port;
    this.fetcher =
        new FileFetcher(
            "Discord",
            settings.allowedFileHosts(),
            Math.min(engine.maxUploadBytes(), settings.maxAttachmentBytes()));
    this.renderer = new EmbedRenderer(engine::phrase, engine::lessonFile);
    this.caseThreads = new CaseThreads(engine);
    engine.serveQueued(EVENTS, this::runEvent);
  }

  /**
   * Whether a thread is one regdoc works in, so plain replies in it need no mention: answered by
   * this process, or bound to a case in the store (so it holds after a restart).
   */
  boolean isCaseThread(String guild, String thread) {
    return caseThreads.contains(DiscordRequest.conversationOf(guild, thread));
  }

  /**
   * Takes the request if it is new and allowed; returns at once. On a shared store, a message with
   * attachments and every /regdoc command are queued as Discord sent them (attachments not yet
   * downloaded) before this returns: any instance takes the job, one that takes it over from an
   * instance that died posts nothing twice, and Discord's replay of an event queued already (to
   * this instance or another) is dropped there, the job completing the command's deferred reply.
   */
  void submit(DiscordRequest request) {
    if (engine.sharesQueue()
        && (!request.files().isEmpty() || request.interaction() != null)
        && request.action() == null) {
      queue(request);
      return;
    }
    if (!firstTime("event:" + request.eventKey())) {
      log.debug("ignoring Discord's replay of {}", request.eventKey());
      return;
    }
    if (!serves(request)) {
      return;
    }
    pool.submit(() -> runSafely(request));
  }

  private boolean serves(DiscordRequest r) {
    if (settings.serves(r.guild(), r.channel())) {
      return true;
    }
    log.info(
        "ignoring {} in {}/{}: not in the Discord allowlist", r.eventKey(), r.guild(), r.channel());
    pool.submit(() -> followQuietly(r, say("team-not-served", language(r))));
    return false;
  }

  private void queue(DiscordRequest r) {
    if (!serves(r)) {
      return;
    }
    if (!guards.allow(r.user())) {
      pool.submit(() -> runSafely(r)); // says so in the thread, as a request answered here does
      return;
    }
    String json = QueuedJson.of(r);
    if (engine
        .enqueueOnce(incoming(r, List.of()), EVENTS, json, "discord:" + r.eventKey())
        .isEmpty()) {
      log.debug("ignoring Discord's replay of {}: queued already", r.eventKey());
    }
  }

  private boolean firstTime(String key) {
    return guards.firstDelivery("discord", key, engine::firstDelivery);
  }

  private void runSafely(DiscordRequest request) {
    try {
      run(request);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "Discord request {} in {} failed: {}",
          request.eventKey(),
          request.conversation(),
          e.toString());
      followQuietly(request, say("team-failed", language(request)));
    }
  }

  private void run(DiscordRequest request) throws IOException {
    DiscordRequest t = request;
    String lang = language(t);
    if (t.thread() == null) {
      String name = threadName(t.text(), say("team-thread-name", lang));
      String opener = say("team-thread-opener", lang);
      t = t.inThread(port.openThread(t.channel(), t.startMessage(), name, opener));
      follow(t, say("team-works-in", lang, "thread", "<#" + t.thread() + ">"), PostsOnce.NONE);
    } else {
      follow(t, say("team-answers-in", lang, "thread", "<#" + t.thread() + ">"), PostsOnce.NONE);
    }
    caseThreads.remember(t.conversation());
    if (!guards.allow(t.user())) {
      port.send(t.thread(), DiscordMessage.text(guards.slowDown(engine::phrase, lang, mention(t))));
      return;
    }
    List<DiscordRequest.FileRef> fresh =
        t.files().stream().filter(f -> firstTime("file:" + f.id())).toList();
    if (!t.files().isEmpty() && fresh.isEmpty() && t.text().isBlank()) {
      return;
    }
    answer(t.withFiles(fresh), lang, PostsOnce.NONE);
  }

  /**
   * A queued message or command, taken by this instance (possibly queued by another, possibly taken
   * over from one that died): its thread opened, its deferred reply completed, its attachments
   * downloaded and analysed here, each of these once for the job.
   */
  private void runEvent(Incoming queued, String replyTo, QueuedTurns.Lease lease)
      throws IOException {
    DiscordRequest t = JSON.readValue(replyTo, DiscordRequest.class);
    PostsOnce posts = new PostsOnce(lease);
    try {
      answerEvent(t, posts);
    } catch (IOException | RuntimeException e) {
      if (posts.stillMine()) {
        posts.once("failed", nonce -> followOrPost(t, say("team-failed", language(t)), nonce));
      }
      throw e;
    }
  }

  private void answerEvent(DiscordRequest request, PostsOnce posts) throws IOException {
    DiscordRequest t = request;
    String lang = language(t);
    if (t.thread() == null) {
      String name = threadName(t.text(), say("team-thread-name", lang));
      String opener = say("team-thread-opener", lang);
      DiscordRequest r = t;
      t = t.inThread(posts.once("thread", n -> openThread(r, name, opener, posts)));
      follow(t, say("team-works-in", lang, "thread", "<#" + t.thread() + ">"), posts);
    } else {
      follow(t, say("team-answers-in", lang, "thread", "<#" + t.thread() + ">"), posts);
    }
    caseThreads.remember(t.conversation());
    if (!posts.takenOver()) {
      // an attachment delivered in two events is analysed once; a takeover trusts the choice of the
      // instance that died
      List<DiscordRequest.FileRef> fresh =
          t.files().stream().filter(f -> firstTime("file:" + f.id())).toList();
      if (!t.files().isEmpty() && fresh.isEmpty() && t.text().isBlank()) {
        return;
      }
      t = t.withFiles(fresh);
    }
    answer(t, lang, posts);
  }

  /**
   * Opens the case's thread. A thread started on a message has the message's id, and Discord opens
   * only one on a message: an instance taking over a job whose predecessor died after opening it,
   * before recording it, is refused and answers in that thread.
   */
  private String openThread(DiscordRequest r, String name, String opener, PostsOnce posts)
      throws IOException {
    try {
      return port.openThread(r.channel(), r.startMessage(), name, opener);
    } catch (IOException e) {
      if (posts.takenOver() && r.startMessage() != null) {
        log.info("{}: its thread was opened before the takeover: {}", r.eventKey(), e.getMessage());
        return r.startMessage();
      }
      throw e;
    }
  }

  /**
   * Downloads, analyses and answers in the thread. With a job, each post is made once for the job
   * (the progress message the answer's status replaces, the refusals, the answer).
   */
  private void answer(DiscordRequest t, String lang, PostsOnce posts) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    String progressId = null;
    try {
      if (!t.files().isEmpty()) {
        String downloading = say("team-downloading", lang, "files", names(t.files()));
        progressId =
            posts.once("progress", n -> port.send(t.thread(), DiscordMessage.text(downloading), n));
      }
      for (DiscordRequest.FileRef f : t.files()) {
        fetcher.fetch(f.name(), f.url(), f.size(), null, refusals).ifPresent(uploads::add);
      }
      if (!refusals.isEmpty()) {
        List<String> said = refusals.stream().map(r -> r.say(engine::phrase, lang)).toList();
        DiscordMessage m = DiscordMessage.text("⚠️ " + String.join("\n⚠️ ", said));
        posts.once("refusals", n -> port.send(t.thread(), m, n));
      }
      if (!t.files().isEmpty() && uploads.isEmpty() && t.text().isBlank()) {
        port.edit(t.thread(), progressId, say("team-nothing-read", lang));
        return;
      }
      Reply reply = engine.handle(incoming(t, uploads), progress(t, progressId));
      if (!posts.stillMine()) {
        log.info("job of {} was taken over by another instance; it answers", t.conversation());
        return;
      }
      if (progressId != null) {
        port.edit(t.thread(), progressId, say("team-analysed", lang, "files", names(t.files())));
      }
      DiscordMessage rendered = renderer.render(reply);
      posts.once("answer", n -> port.send(t.thread(), rendered, n));
    } finally {
      for (Upload u : uploads) {
        Files.deleteIfExists(u.content());
      }
    }
  }

  /** Completes the request's deferred reply, once for a job; nothing for a plain message. */
  private void follow(DiscordRequest t, String text, PostsOnce posts) throws IOException {
    if (t.interaction() != null) {
      posts.once("followup", nonce -> followOrPost(t, text, nonce));
    }
  }

  /**
   * Completes the deferred reply by its token; once the token has expired (or Discord refuses it),
   * says it in the channel where the command was used instead, so that it is not lost.
   */
  private String followOrPost(DiscordRequest t, String text, String nonce) throws IOException {
    DiscordRequest.Interaction i = t.interaction();
    if (i == null) {
      return "none";
    }
    if (clock.millis() < i.expiresAt()) {
      try {
        port.completeInteraction(i.token(), text);
        return "completed";
      } catch (IOException e) {
        log.info(
            "completing {} failed, so it is said in its channel: {}", t.eventKey(), e.getMessage());
      }
    }
    return port.send(i.channel(), DiscordMessage.text(text), nonce);
  }

  private void followQuietly(DiscordRequest t, String text) {
    try {
      followOrPost(t, text, null);
    } catch (IOException | RuntimeException e) {
      log.warn("Discord request {}: cannot say so: {}", t.eventKey(), e.toString());
    }
  }

  private ProgressSink progress(DiscordRequest t, String progressId) {
    if (progressId == null) {
      return ProgressSink.NONE;
    }
    return new ProgressEdits(text -> port.edit(t.thread(), progressId, text));
  }

  private Incoming incoming(DiscordRequest t, List<Upload> uploads) {
    return new Incoming(
        t.conversation(),
        "discord:" + t.user(),
        t.userName() == null ? t.user() : t.userName(),
        t.text(),
        uploads,
        t.action(),
        t.locale());
  }

  /**
   * The language the engine answers the request in: the user's Discord language of this
   * interaction, else the last one Discord told for them (the engine keeps it in the case store, so
   * it holds after a restart and on every instance). English when the store cannot say.
   */
  private String language(DiscordRequest t) {
    return ReplyLanguage.of(engine, incoming(t, List.of()), t.eventKey());
  }

  private String say(String key, String lang, Object... values) {
    return engine.phrase(key, lang, values);
  }

  private static String mention(DiscordRequest t) {
    return "<@" + t.user() + ">";
  }

  /** The thread's name: what the user wrote (Discord allows 100 characters), else {@code dflt}. */
  static String threadName(String text, String dflt) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return EmbedRenderer.clip(t.isEmpty() ? dflt : t, THREAD_NAME);
  }

  private static String names(List<DiscordRequest.FileRef> files) {
    return String.join(", ", files.stream().map(DiscordRequest.FileRef::name).toList());
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
