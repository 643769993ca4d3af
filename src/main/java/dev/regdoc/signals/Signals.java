package dev.regdoc.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small calculations the rules use on groups of signals. */
public final class Signals {
  private Signals() {}

  /**
   * Median seconds from a 200 OK to the next refresh: the phone's refresh timer (115 s by default).
   */
  public static double typicalRefreshInterval(Collection<?> refreshes) {
    List<Double> xs =
        refreshes.stream().map(r -> ((RefreshTiming) r).sinceLastOk()).sorted().toList();
    return xs.isEmpty() ? 0 : xs.get(xs.size() / 2);
  }

  /**
   * The first retransmission delay of each refresh in seconds, in time order, to the hundredth: the
   * RTO series, e.g. [0.33, 0.85, 1.68].
   */
  public static List<Double> rtoSeries(Collection<?> refreshes) {
    return refreshes.stream()
        .map(r -> (RefreshTiming) r)
        .filter(r -> !r.retransmissionDelays().isEmpty())
        .sorted(Comparator.comparing(RefreshTiming::time))
        .map(r -> Math.round(r.retransmissionDelays().get(0) * 100) / 100.0)
        .toList();
  }

  /** Mean seconds between consecutive role changes of one kind. */
  public static double meanPeriod(Collection<?> changes) {
    List<RoleChange> xs =
        changes.stream()
            .map(c -> (RoleChange) c)
            .sorted(Comparator.comparing(RoleChange::time))
            .toList();
    if (xs.size() < 2) {
      return 0;
    }
    return Duration.between(xs.get(0).time(), xs.get(xs.size() - 1).time()).toNanos()
        / 1e9
        / (xs.size() - 1);
  }

  /**
   * Typical seconds between keepalives of these, 30 (SCCP's default) when they do not say. Each
   * interval is measured on one TCP connection (the first keepalive of a connection has none).
   */
  public static long keepaliveInterval(Collection<?> keepalives) {
    return Math.round(
        keepalives.stream()
            .map(k -> ((KeepaliveTiming) k).interval())
            .filter(i -> i > 0)
            .sorted()
            .reduce((a, b) -> b)
            .orElse(30.0));
  }

  /**
   * The longest run of these keepalives on one TCP connection: a reconnect starts a new count, so
   * two misses on two connections are not "2 in a row".
   */
  public static int missedInARow(Collection<?> keepalives) {
    return byConnection(keepalives).values().stream().mapToInt(Long::intValue).max().orElse(0);
  }

  /** How many TCP connections these keepalives were sent on. */
  public static int connections(Collection<?> keepalives) {
    return byConnection(keepalives).size();
  }

  private static Map<String, Long> byConnection(Collection<?> keepalives) {
    return keepalives.stream()
        .map(k -> (KeepaliveTiming) k)
        .collect(
            Collectors.groupingBy(
                k -> k.device() + "|" + k.server() + "|" + k.file() + "|" + k.connection(),
                Collectors.counting()));
  }

  /** Seconds from the first 200 OK seen (the first refresh minus its interval) to the failover. */
  public static double untilFirstFailover(Collection<?> refreshes, RoleChange failover) {
    return refreshes.stream()
        .map(r -> (RefreshTiming) r)
        .filter(r -> r.time().isBefore(failover.time()))
        .map(r -> r.time().minusMillis(Math.round(r.sinceLastOk() * 1000)))
        .min(Comparator.naturalOrder())
        .map(t -> Duration.between(t, failover.time()).toNanos() / 1e9)
        .orElse(0.0);
  }

  /** Whole seconds of silence before {@code at}, since the last registration transaction. */
  public static long idleBefore(Collection<?> transactions, Instant at) {
    return transactions.stream()
        .map(t -> ((RegisterTransaction) t).time())
        .max(Comparator.naturalOrder())
        .map(t -> Duration.between(t, at).toSeconds())
        .orElse(-1L);
  }

  /** The TCP sequence number of the earliest one-sided message. */
  public static long firstSeq(Collection<?> oneSided) {
    return oneSided.stream()
        .map(o -> (OneSided) o)
        .min(Comparator.comparing(OneSided::time))
        .map(OneSided::seq)
        .orElse(-1L);
  }

  /**
   * "1:00:00" or "0:00:08" (an ASA duration) in seconds; -1 when unreadable: more than three parts,
   * a part that is not digits, or a total too large to count (a damaged log must not wrap around
   * into a small or negative timeout).
   */
  public static long seconds(String hms) {
    if (hms == null) {
      return -1;
    }
    String[] parts = hms.trim().split(":", -1);
    if (parts.length > 3) {
      return -1;
    }
    long total = 0;
    try {
      for (String part : parts) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
          return -1;
        }
        total = Math.addExact(Math.multiplyExact(total, 60), Long.parseLong(part));
      }
      return total;
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }
}
