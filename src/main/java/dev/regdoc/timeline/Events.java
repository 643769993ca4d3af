package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Fact;
import dev.regdoc.timeline.event.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects timeline events, putting every capture's times on the reference clock. */
final class Events {
  private final List<TimelineEvent> events = new ArrayList<>();
  private final Map<String, Double> offsetByFile;

  Events(Map<String, Double> offsetByFile) {
    this.offsetByFile = offsetByFile;
  }

  void add(
      Fact source, EventKind kind, String device, String summary, Map<String, Object> details) {
    WorkLimit.checkpoint();
    Instant fileTime = source.time();
    double offset = offsetByFile.getOrDefault(source.origin().file(), 0.0);
    Instant time =
        offset == 0 || fileTime == null ? fileTime : fileTime.minusNanos(Math.round(offset * 1e9));
    events.add(
        new TimelineEvent(
            time,
            offset == 0 ? null : fileTime,
            kind,
            device,
            source.origin().file(),
            source.origin().frame(),
            source.origin().line(),
            summary,
            details));
  }

  /**
   * Sorted, without events of a second capture that only repeat what the reference capture shows.
   */
  List<TimelineEvent> sorted(java.util.function.Predicate<TimelineEvent> repeat) {
    List<TimelineEvent> out = sorted();
    out.removeIf(repeat);
    return out;
  }

  List<TimelineEvent> sorted() {
    Comparator<TimelineEvent> byTime =
        Comparator.comparing(TimelineEvent::time, Comparator.nullsFirst(Comparator.naturalOrder()));
    List<TimelineEvent> out = new ArrayList<>(events);
    out.sort(
        byTime
            .thenComparing(TimelineEvent::file)
            .thenComparingLong(TimelineEvent::frame)
            .thenComparingLong(TimelineEvent::line));
    return out;
  }

  /** A details map that keeps insertion order and skips nulls. */
  static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }

  static double round3(double seconds) {
    return Math.round(seconds * 1000.0) / 1000.0;
  }
}
