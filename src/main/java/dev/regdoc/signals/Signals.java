package dev.regdoc.signals;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small calculations the rules use on groups of signals. */
public final class Signals {
  private Signals() {}

  /** Median seconds from a 200 OK to the next refresh: the phone's refresh timer (115 s by default). */
  public static double typicalRefreshInterval(Collection<?> refreshes) {
    List<Double> xs = refreshes.stream().map(r -> ((RefreshTiming) r).sinceLastOk()).sorted().toList();
    return xs.isEmpty() ? 0 : xs.get(xs.size() / 2);
  }

  /** The first retransmission delay of each refresh, in order: the RTO series, e.g. "0.33, 0.85, 1.68 s". */
  public static String rtoSeries(Collection<?> refreshes) {
    return refreshes.stream().map(r -> (RefreshTiming) r).filter(r -> !r.retransmissionDelays().isEmpty())
        .sorted(java.util.Comparator.comparing(RefreshTiming::time))
        .map(r -> String.format(java.util.Locale.ROOT, "%.2f", r.retransmissionDelays().get(0)))
        .collect(Collectors.joining(", ")) + " s";
  }

  /** Mean seconds between consecutive role changes of one kind. */
  public static double meanPeriod(Collection<?> changes) {
    List<RoleChange> xs = changes.stream().map(c -> (RoleChange) c).sorted(java.util.Comparator.comparing(RoleChange::time)).toList();
    if (xs.size() < 2) {
      return 0;
    }
    return java.time.Duration.between(xs.get(0).time(), xs.get(xs.size() - 1).time()).toNanos() / 1e9 / (xs.size() - 1);
  }

  public static String minutes(double seconds) {
    return String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60);
  }
}
