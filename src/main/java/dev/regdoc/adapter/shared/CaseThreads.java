package dev.regdoc.adapter.shared;

import dev.regdoc.common.BoundedMap;
import dev.regdoc.conversation.ChatEngine;
import java.util.Map;

/**
 * Which chat threads belong to regdoc (Slack threads, Discord threads), so that plain replies in
 * them (without a mention) are answered. The engine's persisted case binding decides, so a thread
 * stays regdoc's after a restart. Threads known to be regdoc's (bound to a case, or answered by
 * this process) are remembered in a small LRU so that chatter in them needs no store lookup; a "no"
 * is not remembered, since a mention or another regdoc process may open a case there at any time.
 */
public final class CaseThreads {
  private static final int REMEMBERED = 1024;
  private final ChatEngine engine;
  private final Map<String, Boolean> known = BoundedMap.leastRecentlyUsedOut(REMEMBERED);

  public CaseThreads(ChatEngine engine) {
    this.engine = engine;
  }

  /** regdoc answers in this conversation, so further plain replies in it are for regdoc. */
  public synchronized void remember(String conversation) {
    known.put(conversation, Boolean.TRUE);
  }

  /**
   * Whether the conversation (a thread) is regdoc's: remembered, or bound to a case in the store.
   */
  public boolean contains(String conversation) {
    if (isRemembered(conversation)) {
      return true;
    }
    if (!engine.hasCase(conversation)) {
      return false;
    }
    remember(conversation);
    return true;
  }

  private synchronized boolean isRemembered(String conversation) {
    return known.containsKey(conversation);
  }
}
