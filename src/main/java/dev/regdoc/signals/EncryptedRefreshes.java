package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.TcpEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The refreshes of a phone that signals over TLS, told by their timing alone: the first record the
 * phone sends its CUCM after the connection was silent, with its TCP retransmissions and the next
 * record CUCM sent back. The content cannot be read, so they are summarised for the loss pattern
 * only (a {@link RefreshSummary} per phone and capture) and never counted as registration traffic
 * that was read: they cannot show a phone registered, only how its records fared.
 */
final class EncryptedRefreshes {
  /**
   * Silence on the connection before a record that makes it a refresh: a TLS handshake and a SIP
   * transaction exchange records milliseconds apart, a refresh comes after the phone's timer.
   */
  private static final double SILENCE_SECONDS = 10;

  /** How long after the phone's record CUCM's next record still counts as its answer. */
  private static final double ANSWER_WINDOW_SECONDS = 64;

  private record Flow(String file, String device, String server) {}

  private EncryptedRefreshes() {}

  static List<RefreshSummary> summaries(List<TimelineEvent> events, List<DeviceInfo> devices) {
    Map<String, Set<String>> phoneIps = new HashMap<>();
    devices.forEach(d -> phoneIps.put(d.id(), Set.copyOf(d.ips())));
    Map<Flow, List<TimelineEvent>> flows = new LinkedHashMap<>();
    Map<String, List<TimelineEvent>> rtxByFile = new HashMap<>();
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      if (e.details() instanceof TcpEvent.TlsData d) {
        boolean fromPhone = phoneIps.getOrDefault(e.device(), Set.of()).contains(d.from());
        String server = fromPhone ? d.to() : d.from();
        flows
            .computeIfAbsent(new Flow(e.file(), e.device(), server), k -> new ArrayList<>())
            .add(e);
      } else if (e.details() instanceof TcpEvent.Retransmission r && r.originalFrame() != null) {
        rtxByFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
      }
    }
    List<RefreshSummary> out = new ArrayList<>();
    flows.forEach(
        (flow, records) -> {
          List<RefreshTiming> refreshes = refreshes(flow, records, phoneIps, rtxByFile);
          if (!refreshes.isEmpty()) {
            List<RefreshTiming> lost =
                refreshes.stream().filter(r -> r.getRetransmissions() > 0).toList();
            out.add(
                new RefreshSummary(
                    flow.device(),
                    flow.file(),
                    refreshes.size(),
                    lost,
                    Signals.typicalRefreshInterval(refreshes),
                    Signals.rtoSeries(lost)));
          }
        });
    return out;
  }

  private static List<RefreshTiming> refreshes(
      Flow flow,
      List<TimelineEvent> records,
      Map<String, Set<String>> phoneIps,
      Map<String, List<TimelineEvent>> rtxByFile) {
    Set<String> ips = phoneIps.getOrDefault(flow.device(), Set.of());
    List<RefreshTiming> out = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      WorkLimit.checkpoint();
      TimelineEvent e = records.get(i);
      TcpEvent.TlsData d = (TcpEvent.TlsData) e.details();
      double silence = EventIndex.seconds(records.get(i - 1).time(), e.time());
      if (!ips.contains(d.from()) || silence < SILENCE_SECONDS) {
        continue;
      }
      List<TimelineEvent> rtx =
          rtxByFile.getOrDefault(flow.file(), List.of()).stream()
              .filter(x -> ((TcpEvent.Retransmission) x.details()).originalFrame() == e.frame())
              .toList();
      TimelineEvent answer = answer(records, i, ips);
      out.add(
          new RefreshTiming(
              flow.device(),
              flow.file(),
              e.frame(),
              e.time(),
              flow.server(),
              0,
              silence,
              -1,
              rtx.stream()
                  .map(x -> ((TcpEvent.Retransmission) x.details()).delay())
                  .filter(x -> x != null)
                  .toList(),
              rtx.stream().map(TimelineEvent::frame).toList(),
              answer == null ? -1 : silence + EventIndex.seconds(e.time(), answer.time()),
              answer == null ? 0 : answer.frame(),
              false,
              null,
              0));
    }
    return out;
  }

  /** CUCM's first record after the phone's record at {@code i}, within the answer window. */
  private static TimelineEvent answer(List<TimelineEvent> records, int i, Set<String> phoneIps) {
    Instant sent = records.get(i).time();
    for (int j = i + 1; j < records.size(); j++) {
      TimelineEvent r = records.get(j);
      if (EventIndex.seconds(sent, r.time()) > ANSWER_WINDOW_SECONDS) {
        return null;
      }
      if (!phoneIps.contains(((TcpEvent.TlsData) r.details()).from())) {
        return r;
      }
    }
    return null;
  }
}
