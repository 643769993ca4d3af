package dev.regdoc.adapter.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.regdoc.common.BoundedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Per-user rate limit and "seen once" memory for a chat platform's redeliveries (Slack's retries,
 * Discord's replayed events after a resume) and for files announced twice. Each adapter has its
 * own.
 */
public final class RequestGuards {
  private static final int REMEMBERED = 10_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  /**
   * Users whose turns of the last minute are held at once. Past it the least used are let go early:
   * such a user starts a fresh window, which takes more than this many users writing in one minute.
   */
  public static final int MAX_TRACKED_USERS = 10_000;

  private final Clock clock;
  private final int perMinute;

  /**
   * Each user's turns within the window. A user idle for a whole window has none left, so expiring
   * after a window without access forgets nothing; the clock is the ticker so that tests move it.
   * Upkeep runs on the calling thread: nothing is left to a pool, and the counts are exact after
   * it.
   */
  private final Cache<String, Deque<Instant>> turns;

  private final Map<String, Boolean> seen = BoundedMap.oldestOut(REMEMBERED);

  public RequestGuards(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
    this.turns =
        Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED_USERS)
            .expireAfterAccess(WINDOW)
            .ticker(() -> nanos(clock.instant()))
            .executor(Runnable::run)
            .build();
  }

  /**
   * True the first time a key (event id, "file:F123") is offered; platforms redeliver events they
   * think were lost.
   */
  public synchronized boolean firstTime(String key) {
    return seen.put(key, Boolean.TRUE) == null;
  }

  /**
   * Whether this instance takes the event or file: new to this process (a replay within one session
   * costs no store call) and to the shared store, which a restarted process or another instance
   * sees too. The platform prefix keeps Slack's and Discord's keys apart.
   */
  public boolean firstDelivery(String platform, String key, Predicate<String> store) {
    return firstTime(key) && store.test(platform + ":" + key);
  }

  /** True when the user may send another request now (sliding one-minute window). */
  public synchronized boolean allow(String user) {
    Instant now = clock.instant();
    Deque<Instant> q = turns.get(user, u -> new ArrayDeque<>());
    while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(WINDOW))) {
      q.pollFirst();
    }
    if (q.size() >= perMinute) {
      return false;
    }
    q.addLast(now);
    return true;
  }

  /**
   * What a user past the rate limit is told (team-slow-down), addressed with the platform's
   * mention.
   */
  public String slowDown(ChatWords words, String lang, String mention) {
    return words.say("team-slow-down", lang, "user", mention, "limit", perMinute);
  }

  /** How many users' recent turns are held now. */
  public synchronized int trackedUsers() {
    turns.cleanUp();
    return (int) turns.estimatedSize();
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
