package dev.regdoc.adapter.slack;

import dev.regdoc.common.BoundedMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Per-user rate limit and "seen once" memory for Slack's retries and for files announced twice. */
final class Guards {
  private static final int REMEMBERED = 10_000;
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final int perMinute;
  private final Map<String, Deque<Instant>> requests = new HashMap<>();
  private final Map<String, Boolean> seen = BoundedMap.oldestOut(REMEMBERED);

  Guards(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /**
   * True the first time a key (event id, "file:F123") is offered; Slack redelivers events it thinks
   * were lost.
   */
  synchronized boolean firstTime(String key) {
    return seen.put(key, Boolean.TRUE) == null;
  }

  /** True when the user may send another request now (sliding one-minute window). */
  synchronized boolean allow(String user) {
    Instant now = clock.instant();
    Deque<Instant> q = requests.computeIfAbsent(user, u -> new ArrayDeque<>());
    while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(WINDOW))) {
      q.pollFirst();
    }
    if (q.size() >= perMinute) {
      return false;
    }
    q.addLast(now);
    return true;
  }
}
