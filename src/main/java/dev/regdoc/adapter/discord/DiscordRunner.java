package dev.regdoc.adapter.discord;

import dev.regdoc.adapter.shared.CaseThreads;
import dev.regdoc.adapter.shared.FileFetcher;
import dev.regdoc.adapter.shared.ProgressEdits;
import dev.regdoc.adapter.shared.Refusal;
import dev.regdoc.adapter.shared.ReplyLanguage;
import dev.regdoc.adapter.shared.RequestGuards;
import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.Upload;
import java.io.IOException;
import java.nio.file.Files;
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
 * thread first when the request starts a case).
 */
final class DiscordRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordRunner.class);
  private static final int THREAD_NAME = 100;

  private final ChatEngine engine;
  private final DiscordSettings settings;
  private final RequestGuards guards;
  private final FileFetcher fetcher;
  private final DiscordPort port;
  private final EmbedRenderer renderer;
  private final CaseThreads caseThreads;

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
    this.engine = engine;
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
  }

  /**
   * Whether a thread is one regdoc works in, so plain replies in it need no mention: answered by
   * this process, or bound to a case in the store (so it holds after a restart).
   */
  boolean isCaseThread(String guild, String thread) {
    return caseThreads.contains(DiscordRequest.conversationOf(guild, thread));
  }

  /** Takes the request if it is new and allowed; returns at once. */
  void submit(DiscordRequest request) {
    if (!firstTime("event:" + request.eventKey())) {
      log.debug("ignoring Discord's replay of {}", request.eventKey());
      return;
    }
    if (!settings.serves(request.guild(), request.channel())) {
      log.info(
          "ignoring {} in {}/{}: not in the Discord allowlist",
          request.eventKey(),
          request.guild(),
          request.channel());
      request.follow(say("team-not-served", language(request)));
      return;
    }
    pool.submit(() -> runSafely(request));
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
      request.follow(say("team-failed", language(request)));
    }
  }

  private void run(DiscordRequest request) throws IOException {
    DiscordRequest t = request;
    String lang = language(t);
    if (t.thread() == null) {
      String name = threadName(t.text(), say("team-thread-name", lang));
      String opener = say("team-thread-opener", lang);
      t = t.inThread(port.openThread(t.channel(), t.startMessage(), name, opener));
      t.follow(say("team-works-in", lang, "thread", "<#" + t.thread() + ">"));
    } else {
      t.follow(say("team-answers-in", lang, "thread", "<#" + t.thread() + ">"));
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
    answer(t.withFiles(fresh), lang);
  }

  private void answer(DiscordRequest t, String lang) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    String progressId = null;
    try {
      if (!t.files().isEmpty()) {
        progressId =
            port.send(
                t.thread(),
                DiscordMessage.text(say("team-downloading", lang, "files", names(t.files()))));
      }
      for (DiscordRequest.FileRef f : t.files()) {
        fetcher.fetch(f.name(), f.url(), f.size(), null, refusals).ifPresent(uploads::add);
      }
      if (!refusals.isEmpty()) {
        List<String> said = refusals.stream().map(r -> r.say(engine::phrase, lang)).toList();
        port.send(t.thread(), DiscordMessage.text("⚠️ " + String.join("\n⚠️ ", said)));
      }
      if (!t.files().isEmpty() && uploads.isEmpty() && t.text().isBlank()) {
        port.edit(t.thread(), progressId, say("team-nothing-read", lang));
        return;
      }
      Reply reply = engine.handle(incoming(t, uploads), progress(t, progressId));
      if (progressId != null) {
        port.edit(t.thread(), progressId, say("team-analysed", lang, "files", names(t.files())));
      }
      port.send(t.thread(), renderer.render(reply));
    } finally {
      for (Upload u : uploads) {
        Files.deleteIfExists(u.content());
      }
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
