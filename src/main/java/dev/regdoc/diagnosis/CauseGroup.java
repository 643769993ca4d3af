package dev.regdoc.diagnosis;

import dev.regdoc.common.WorkLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * All findings of one code, measured: how many devices, how many events (pieces of evidence), when
 * the first and last happened, and the events per device. Java measures; a rule decides whether the
 * group is answered as a summary ({@code rules/many-phones.drl}).
 */
public final class CauseGroup {
  private final String code;
  private Tier tier;
  private final Map<String, DeviceCount> byDevice = new LinkedHashMap<>();
  private long events;
  private double confidence;
  private Instant first;
  private Instant last;

  private CauseGroup(String code, Tier tier) {
    this.code = code;
    this.tier = tier;
  }

  /** One group per code, in one pass over the findings. */
  public static List<CauseGroup> of(List<Finding> findings) {
    Map<String, CauseGroup> groups = new LinkedHashMap<>();
    for (Finding f : findings) {
      WorkLimit.checkpoint();
      groups.computeIfAbsent(f.code(), c -> new CauseGroup(c, f.tier())).add(f);
    }
    return new ArrayList<>(groups.values());
  }

  private void add(Finding f) {
    tier = f.tier().compareTo(tier) < 0 ? f.tier() : tier;
    confidence = Math.max(confidence, f.confidence());
    String device = String.valueOf(f.device());
    DeviceCount d = byDevice.computeIfAbsent(device, DeviceCount::new);
    int n = Math.max(1, f.evidence().size());
    d.events += n;
    events += n;
    for (Evidence e : f.evidence()) {
      if (e.time() != null) {
        d.first = d.first == null || e.time().isBefore(d.first) ? e.time() : d.first;
        first = first == null || e.time().isBefore(first) ? e.time() : first;
        last = last == null || e.time().isAfter(last) ? e.time() : last;
      }
    }
  }

  public String code() {
    return code;
  }

  public String getCode() {
    return code;
  }

  /** Distinct devices the code was found for. */
  public int devices() {
    return byDevice.size();
  }

  public int getDevices() {
    return byDevice.size();
  }

  public long events() {
    return events;
  }

  /**
   * The summary of this group with its {@code top} devices by number of events (ties by name),
   * asked for by {@code rule}.
   */
  public CauseSummary summary(int top, String rule) {
    Comparator<DeviceCount> most =
        Comparator.comparingLong((DeviceCount d) -> d.events)
            .reversed()
            .thenComparing(d -> d.device);
    // a bounded heap keeps the top few: n log top, not a sort of every device
    PriorityQueue<DeviceCount> heap = new PriorityQueue<>(most.reversed());
    for (DeviceCount d : byDevice.values()) {
      WorkLimit.checkpoint();
      heap.add(d);
      if (heap.size() > top) {
        heap.poll();
      }
    }
    List<DeviceCount> best = new ArrayList<>(heap);
    best.sort(most);
    List<CauseSummary.DeviceEvents> shown =
        best.stream().map(d -> new CauseSummary.DeviceEvents(d.device, d.events, d.first)).toList();
    return new CauseSummary(
        code, tier, confidence, byDevice.size(), events, first, last, shown, rule);
  }

  private static final class DeviceCount {
    final String device;
    long events;
    Instant first;

    DeviceCount(String device) {
      this.device = device;
    }
  }
}
