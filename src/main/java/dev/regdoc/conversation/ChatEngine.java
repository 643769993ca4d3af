package dev.regdoc.conversation;

/**
 * The conversation, independent of any chat platform. Thread-safe: adapters call it from many threads
 * at once (one per conversation is enough; turns of the same case are serialised inside).
 */
public interface ChatEngine {

  /** Handles one user turn and returns the reply; never throws for anything a user sent. */
  Reply handle(Incoming incoming, ProgressSink progress);

  /**
   * Whether the conversation works on a case. The binding is kept in the case store, so the answer holds after a
   * restart (adapters use it to tell which threads belong to regdoc).
   */
  boolean hasCase(String conversation);

  /** The largest upload accepted, in bytes; adapters refuse bigger files before downloading them. */
  long maxUploadBytes();
}
