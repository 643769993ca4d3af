package dev.regdoc.chat.web;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.QueuedTurns;
import dev.regdoc.conversation.Reply;
import dev.regdoc.conversation.store.ConversationTurns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An engine whose analyses of uploads wait at a gate the test opens, so that a test acts while an
 * analysis is surely under way; everything else, and the analysis itself, is the engine's own.
 * Several instances' engines may share one gate.
 */
final class GatedUploads implements ChatEngine {
  /** The gate: analyses counted as they arrive, held until {@link #open}. */
  static final class Gate {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    boolean awaitAnalysis(long seconds) throws InterruptedException {
      return arrived.await(seconds, TimeUnit.SECONDS);
    }

    void open() {
      open.countDown();
    }
  }

  private final ChatEngine engine;
  private final Gate gate;

  GatedUploads(ChatEngine engine, Gate gate) {
    this.engine = engine;
    this.gate = gate;
  }

  @Override
  public Reply handle(Incoming in, ProgressSink progress) {
    if (!in.uploads().isEmpty()) {
      gate.arrived.countDown();
      try {
        gate.open.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return engine.handle(in, progress);
  }

  @Override
  public boolean hasCase(String conversation) {
    return engine.hasCase(conversation);
  }

  @Override
  public Optional<String> joinCode(String conversation) {
    return engine.joinCode(conversation);
  }

  @Override
  public OptionalLong enqueue(Incoming in, String frontEnd, String replyTo) {
    return engine.enqueue(in, frontEnd, replyTo);
  }

  @Override
  public void serveQueued(String frontEnd, QueuedTurns handler) {
    engine.serveQueued(frontEnd, handler);
  }

  @Override
  public Optional<QueuedAnswer> queuedAnswer(long job) {
    return engine.queuedAnswer(job);
  }

  @Override
  public List<QueuedAnswer> queuedAnswers(String conversation) {
    return engine.queuedAnswers(conversation);
  }

  @Override
  public Optional<ConversationTurns> conversationTurns() {
    return engine.conversationTurns();
  }

  @Override
  public long maxUploadBytes() {
    return engine.maxUploadBytes();
  }

  @Override
  public Optional<Path> lessonFile(String lesson, String file) {
    return engine.lessonFile(lesson, file);
  }

  @Override
  public Reply greeting(String langHint) {
    return engine.greeting(langHint);
  }

  @Override
  public Map<String, String> pageWords(String lang) {
    return engine.pageWords(lang);
  }
}
