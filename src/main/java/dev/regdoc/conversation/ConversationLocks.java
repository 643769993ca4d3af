package dev.regdoc.conversation;

import dev.regdoc.conversation.store.TurnLocks;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One turn at a time per conversation in this process: the single-instance case of {@link
 * TurnLocks}. A conversation's lock exists only while some turn holds or waits for it, so the table
 * does not grow with every conversation the bot has ever seen.
 */
final class ConversationLocks implements TurnLocks {
  /** A lock and how many turns hold or wait for it; changed only inside the map's compute calls. */
  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Held hold(String conversation) {
    acquire(conversation);
    return () -> release(conversation);
  }

  /** Waits until no other turn of {@code conversation} runs; pair with {@link #release}. */
  void acquire(String conversation) {
    Entry e =
        entries.compute(
            conversation,
            (k, v) -> {
              Entry entry = v == null ? new Entry() : v;
              entry.users++;
              return entry;
            });
    e.lock.lock();
  }

  void release(String conversation) {
    entries.computeIfPresent(
        conversation,
        (k, e) -> {
          e.lock.unlock();
          return --e.users == 0 ? null : e;
        });
  }

  /** Conversations with a turn running or waiting (for tests). */
  int active() {
    return entries.size();
  }
}
