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

/**
 * An engine that hands everything to another: a test's engine extends it and overrides only what it
 * changes (how an analysis goes), the rest staying the real engine's own.
 */
abstract class ForwardingEngine implements ChatEngine {
  protected final ChatEngine engine;

  ForwardingEngine(ChatEngine engine) {
    this.engine = engine;
  }

  @Override
  public Reply handle(Incoming in, ProgressSink progress) {
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
