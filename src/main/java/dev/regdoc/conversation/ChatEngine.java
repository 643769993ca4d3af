package dev.regdoc.conversation;

import java.util.Optional;

/**
 * The conversation, independent of any chat platform. Thread-safe: adapters call it from many
 * threads at once (one per conversation is enough; turns of the same case are serialised inside).
 */
public interface ChatEngine {

  /** Handles one user turn and returns the reply; never throws for anything a user sent. */
  Reply handle(Incoming incoming, ProgressSink progress);

  /**
   * Whether the conversation works on a case. The binding is kept in the case store, so the answer
   * holds after a restart (adapters use it to tell which threads belong to regdoc).
   */
  boolean hasCase(String conversation);

  /**
   * The code that joins the conversation's case from a remote front end
   * ("&lt;id&gt;-&lt;token&gt;"), shown to the people already in it; empty when the conversation
   * has no case.
   */
  default Optional<String> joinCode(String conversation) {
    return Optional.empty();
  }

  /**
   * The largest upload accepted, in bytes; adapters refuse bigger files before downloading them.
   */
  long maxUploadBytes();
}
