package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Intervals;
import dev.regdoc.charts.TimelineScene.Point;
import dev.regdoc.facts.Protocol;
import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.RegisterOutcome;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interval panel's points. SIP: each refresh's seconds since the previous 200 OK when it was
 * sent (the phone's timer) and when its 200 OK came; expected = Expires minus the phone's Timer
 * Register Delta, CUCM's deadline = that plus CUCM's grace. SCCP: each keepalive to the primary,
 * seconds since the previous KeepAliveAck; expected = the RegisterAck's interval, deadline = three
 * intervals.
 */
final class IntervalsBuilder {
  /**
   * Cisco phones refresh this many seconds before the granted Expires runs out (Timer Register
   * Delta, default 5).
   */
  static final double TIMER_REGISTER_DELTA = 5;

  static final int SCCP_MISSED_KEEPALIVES = 3;

  private final List<TimelineEvent> events;

  /**
   * @param events one device's events of all captures, in time order
   */
  IntervalsBuilder(List<TimelineEvent> events) {
    this.events = events;
  }

  Intervals build(Instant[] window) {
    boolean sip = events.stream().anyMatch(e -> e.details() instanceof SipEvent.Refresh);
    return sip ? sip(window) : sccp(window);
  }

  private Intervals sip(Instant[] window) {
    Map<String, TimelineEvent> refreshes = new HashMap<>();
    List<Point> sent = new ArrayList<>();
    List<Point> answered = new ArrayList<>();
    Map<Integer, Integer> grantedCounts = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.details() instanceof SipEvent.Refresh r) {
        refreshes.put(e.file() + "#" + e.frame(), e);
        if (r.granted() != null) {
          grantedCounts.merge(r.granted(), 1, Integer::sum);
        }
        if (inside(e.time(), window)) {
          sent.add(new Point(e.time(), r.sinceLastOk(), e.file(), e.frame()));
        }
      } else if (e.details() instanceof SipEvent.RegisterResponse r
          && isFinalOk(r)
          && r.requestFrame() != null) {
        TimelineEvent req = refreshes.get(e.file() + "#" + r.requestFrame());
        if (req != null && inside(e.time(), window)) {
          double since = ((SipEvent.Refresh) req.details()).sinceLastOk();
          answered.add(
              new Point(
                  e.time(),
                  since + Scenes.secondsBetween(req.time(), e.time()),
                  e.file(),
                  e.frame()));
        }
      }
    }
    int granted =
        grantedCounts.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(120);
    double expected = granted - TIMER_REGISTER_DELTA;
    double deadline = Math.max(granted, expected + RefreshTiming.CUCM_GRACE_SECONDS);
    return new Intervals(Protocol.SIP, sent, answered, expected, deadline);
  }

  private Intervals sccp(Instant[] window) {
    List<Point> sent = new ArrayList<>();
    List<Point> answered = new ArrayList<>();
    Map<String, Instant> lastAck = new HashMap<>();
    Map<String, Double> sinceAtSend = new HashMap<>();
    double interval = 0;
    for (TimelineEvent e : events) {
      if (e.details() instanceof SccpEvent.RegisterAck a) {
        lastAck.put(String.valueOf(a.server()), e.time());
        if (interval == 0) {
          interval = a.keepAliveInterval();
        }
      } else if (e.details() instanceof SccpEvent.KeepAlive k) {
        Instant ack = lastAck.get(String.valueOf(k.server()));
        if (k.role() == KeepaliveRole.PRIMARY && ack != null) {
          double s = Scenes.secondsBetween(ack, e.time());
          sinceAtSend.put(e.file() + "#" + e.frame(), s);
          if (inside(e.time(), window)) {
            sent.add(new Point(e.time(), s, e.file(), e.frame()));
          }
        }
      } else if (e.details() instanceof SccpEvent.KeepAliveAck a) {
        Instant ack = lastAck.put(String.valueOf(a.server()), e.time());
        if (a.keepaliveFrame() != null
            && ack != null
            && sinceAtSend.containsKey(e.file() + "#" + a.keepaliveFrame())
            && inside(e.time(), window)) {
          answered.add(
              new Point(e.time(), Scenes.secondsBetween(ack, e.time()), e.file(), e.frame()));
        }
      }
    }
    double expected = interval > 0 ? interval : 30;
    return new Intervals(
        Protocol.SCCP, sent, answered, expected, expected * SCCP_MISSED_KEEPALIVES);
  }

  private static boolean isFinalOk(SipEvent.RegisterResponse r) {
    return r.success()
        && r.outcome() != RegisterOutcome.KEEPALIVE_ACKNOWLEDGED
        && r.outcome() != RegisterOutcome.UNREGISTERED;
  }

  private static boolean inside(Instant t, Instant[] w) {
    return !t.isBefore(w[0]) && !t.isAfter(w[1]);
  }
}
