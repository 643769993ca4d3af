package dev.regdoc.chat.web;

import dev.regdoc.conversation.ChatEngine;
import dev.regdoc.conversation.Incoming;
import dev.regdoc.conversation.ProgressSink;
import dev.regdoc.conversation.Reply;

/**
 * An engine that answers every turn with its text at once: for tests of the web chat's HTTP side
 * alone.
 */
final class EchoEngine implements ChatEngine {
  @Override
  public Reply handle(Incoming incoming, ProgressSink progress) {
    return new Reply.Builder().text("you said: " + incoming.text()).build("en", 0);
  }

  @Override
  public boolean hasCase(String conversation) {
    return false;
  }

  @Override
  public long maxUploadBytes() {
    return 1 << 20;
  }
}
