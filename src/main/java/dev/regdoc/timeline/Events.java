package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Fact;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.SummarisedDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Collects timeline events, putting every capture's times on the reference clock. */
final class Events {
  private final List<TimelineEvent> events = new ArrayList<>();
  private final Map<String, Double> offsetByFile;

  Events(Map<String, Double> offsetByFile) {
    this.offsetByFile = offsetByFile;
  }

  /** An event whose details tell its summary: it keeps none of its own. */
  <D extends EventDetails & SummarisedDetails> void add(Fact source, String device, D details) {
    held(source, device, null, details);
  }

  /** An event whose summary says more than its details. */
  void add(Fact source, String device, String summary, EventDetails details) {
    if (details instanceof SummarisedDetails) {
      throw new IllegalArgumentException(details.kind() + " details tell their own summary");
    }
    held(source, device, summary, details);
  }

  private void held(Fact source, String device, String summary, EventDetails details) {
    WorkLimit.checkpoint();
    Instant fileTime = source.time();
    double offset = offsetByFile.getOrDefault(source.origin().file(), 0.0);
    Instant time =
        offset == 0 || fileTime == null ? fileTime : fileTime.minusNanos(Math.round(offset * 1e9));
    events.add(
        new TimelineEvent(
            time,
            offset == 0 ? null : fileTime,
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
  List<TimelineEvent> sorted(Predicate<TimelineEvent> repeat) {
    List<TimelineEvent> out = sorted();
    out.removeIf(repeat);
    return out;
  }

  List<TimelineEvent> sorted() {
    List<TimelineEvent> out = new ArrayList<>(events);
    out.sort(Events::inOrder);
    return out;
  }

  /**
   * By time (none first), then file, frame and line. Written out rather than chained from key
   * extractors: it runs for every comparison of a sort of tens of thousands of events.
   */
  static int inOrder(TimelineEvent a, TimelineEvent b) {
    Instant ta = a.time();
    Instant tb = b.time();
    if (ta != tb) {
      if (ta == null) {
        return -1;
      }
      if (tb == null) {
        return 1;
      }
      int c = ta.compareTo(tb);
      if (c != 0) {
        return c;
      }
    }
    int c = a.file().compareTo(b.file());
    if (c != 0) {
      return c;
    }
    c = Long.compare(a.frame(), b.frame());
    return c != 0 ? c : Long.compare(a.line(), b.line());
  }

  static double round3(double seconds) {
    return Math.round(seconds * 1000.0) / 1000.0;
  }
}
