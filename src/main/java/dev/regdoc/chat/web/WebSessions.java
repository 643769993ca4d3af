package dev.regdoc.chat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live sessions by id, at most {@link #MAX_SESSIONS}. A session is made only by an API call
 * that carries a valid page token, never by a page or file request. When the map is full a new
 * session takes the place of the least recently used session that has no turns yet, else of one
 * idle for {@link #IDLE}; when every session is in use, none is pushed out and the new one is
 * refused. (A forgotten session loses only its progress line: its history and case are in the store
 * when the engine keeps them, and its page's token makes it again.)
 */
final class WebSessions {
  static final int MAX_SESSIONS = 1000;
  static final Duration IDLE = Duration.ofMinutes(30);
  private final int capacity;
  private final int historyLimit;
  private final Clock clock;
  private final Map<String, WebSession> byId = new HashMap<>();

  WebSessions(int historyLimit) {
    this(MAX_SESSIONS, historyLimit, Clock.systemUTC());
  }

  WebSessions(int capacity, int historyLimit, Clock clock) {
    this.capacity = capacity;
    this.historyLimit = historyLimit;
    this.clock = clock;
  }

  /** The session with this id, marked as used now; null when there is none. */
  synchronized WebSession find(String id) {
    WebSession s = id == null ? null : byId.get(id);
    if (s != null) {
      s.usedAt(clock.instant());
    }
    return s;
  }

  /**
   * The session of {@code id}, made with {@code token} if it is new; empty when the map is full of
   * sessions in use.
   */
  synchronized Optional<WebSession> findOrCreate(String id, String token) {
    WebSession found = find(id);
    if (found != null) {
      return Optional.of(found);
    }
    if (byId.size() >= capacity && !evictOne()) {
      return Optional.empty();
    }
    WebSession s = new WebSession(id, token, historyLimit);
    s.usedAt(clock.instant());
    byId.put(id, s);
    return Optional.of(s);
  }

  synchronized int size() {
    return byId.size();
  }

  private boolean evictOne() {
    Instant idleSince = clock.instant().minus(IDLE);
    Optional<WebSession> victim =
        byId.values().stream()
            .filter(s -> !s.running() && !s.hasTurns())
            .min(Comparator.comparing(WebSession::usedAt));
    if (victim.isEmpty()) {
      victim =
          byId.values().stream()
              .filter(s -> !s.running() && s.usedAt().isBefore(idleSince))
              .min(Comparator.comparing(WebSession::usedAt));
    }
    victim.ifPresent(s -> byId.remove(s.id()));
    return victim.isPresent();
  }
}
