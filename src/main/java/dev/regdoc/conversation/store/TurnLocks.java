package dev.regdoc.conversation.store;

/**
 * One turn at a time per conversation. The engine holds a conversation's lock from the moment it
 * takes a turn until the reply is stored; the in-process locks serve one instance, the case store's
 * serve every instance on a shared database.
 */
public interface TurnLocks {
  /** For a store no other instance shares: the in-process lock alone is enough. */
  TurnLocks NONE = conversation -> () -> {};

  /**
   * Waits until no other turn of {@code conversation} runs; closing the handle lets the next in.
   */
  Held hold(String conversation);

  /** A held lock. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
