package dev.regdoc.signals;

import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.SccpEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a capture heard nothing of an SCCP phone's registration between its RegisterAck (or last
 * KeepAliveReq) and its next RegisterReq: a phone sends a keepalive every {@code interval} seconds
 * while registered, so a capture that holds none of them for longer held none of what it sent.
 *
 * @param frame the next RegisterReq
 * @param heardFrame the RegisterAck or KeepAliveReq before it
 * @param interval the keepalive interval the RegisterAck configured, 0 when not known
 */
public record SccpSilence(
    String device,
    String file,
    long frame,
    Instant time,
    String server,
    long heardFrame,
    Instant heard,
    double seconds,
    int interval)
    implements Cited {

  /** The silences of every SCCP phone in every capture of the timeline, in time order. */
  static List<SccpSilence> of(List<TimelineEvent> events) {
    Map<String, TimelineEvent> lastHeard = new LinkedHashMap<>();
    Map<String, Integer> interval = new LinkedHashMap<>();
    List<SccpSilence> out = new ArrayList<>();
    for (TimelineEvent e : events) {
      EventDetails d = e.details();
      String key = e.device() + "|" + e.file();
      if (d instanceof SccpEvent.RegisterAck a) {
        lastHeard.put(key, e);
        interval.put(key, a.keepAliveInterval());
      } else if (d instanceof SccpEvent.KeepAlive) {
        lastHeard.put(key, e);
      } else if (d instanceof SccpEvent.Register r && lastHeard.containsKey(key)) {
        TimelineEvent h = lastHeard.remove(key);
        out.add(
            new SccpSilence(
                e.device(),
                e.file(),
                e.frame(),
                e.time(),
                r.server(),
                h.frame(),
                h.time(),
                Duration.between(h.time(), e.time()).toNanos() / 1e9,
                interval.getOrDefault(key, 0)));
      }
    }
    return out;
  }
}
