package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.SipEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether another capture of the phone's traffic (the CUCM side) lacks a REGISTER the phone sent.
 * The two clocks need not agree: the capture counts as running at the time when it holds a request
 * the phone sent before the REGISTER and one it sent after (matched by Call-ID and method, which
 * the path does not change), and as missing the REGISTER when it holds nothing of its Call-ID.
 */
final class CucmSide {
  private CucmSide() {}

  static FragmentedRegisters.Missing missing(
      RegisterTransaction t,
      List<TimelineEvent> events,
      Map<FragmentedRegisters.Request, TimelineEvent> requests) {
    long last = t.frames().stream().mapToLong(Long::longValue).max().orElse(t.frame());
    List<String> others =
        events.stream()
            .map(TimelineEvent::file)
            .filter(f -> !f.equals(t.file()))
            .distinct()
            .toList();
    for (String other : others) {
      WorkLimit.checkpoint();
      if (holdsCallId(events, other, t.callId())) {
        continue;
      }
      Long before = null;
      Long after = null;
      for (Map.Entry<FragmentedRegisters.Request, TimelineEvent> r : requests.entrySet()) {
        TimelineEvent sent = r.getValue();
        if (!sent.file().equals(t.file()) || !Objects.equals(sent.device(), t.device())) {
          continue;
        }
        TimelineEvent there =
            requests.get(
                new FragmentedRegisters.Request(other, r.getKey().callId(), r.getKey().method()));
        if (there == null) {
          continue;
        }
        if (sent.frame() < t.frame()) {
          before = there.frame();
        } else if (sent.frame() > last && after == null) {
          after = there.frame();
        }
      }
      if (before != null && after != null) {
        return new FragmentedRegisters.Missing(other, List.of(before, after));
      }
    }
    return null;
  }

  private static boolean holdsCallId(List<TimelineEvent> events, String file, String callId) {
    for (TimelineEvent e : events) {
      WorkLimit.checkpoint();
      if (!e.file().equals(file)) {
        continue;
      }
      if (e.details() instanceof SipEvent.Registering r && callId.equals(r.request().callId())) {
        return true;
      }
      if (e.details() instanceof SipEvent.RequestRetransmission r && callId.equals(r.callId())) {
        return true;
      }
      if (e.details() instanceof SipEvent.Response r && callId.equals(r.callId())) {
        return true;
      }
    }
    return false;
  }
}
