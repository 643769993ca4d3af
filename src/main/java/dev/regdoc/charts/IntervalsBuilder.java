package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Intervals;
import dev.regdoc.charts.TimelineScene.Point;
import dev.regdoc.signals.RefreshTiming;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventKind;
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
    boolean sip = events.stream().anyMatch(e -> e.kind() == EventKind.SIP_REFRESH);
    return sip ? sip(window) : sccp(window);
  }

  private Intervals sip(Instant[] window) {
    Map<String, TimelineEvent> refreshes = new HashMap<>();
    List<Point> sent = new ArrayList<>();
    List<Point> answered = new ArrayList<>();
    Map<Integer, Integer> grantedCounts = new HashMap<>();
    for (TimelineEvent e : events) {
      if (e.kind() == EventKind.SIP_REFRESH
          && e.details().get("sinceLastOk") instanceof Number since) {
        refreshes.put(e.file() + "#" + e.frame(), e);
        if (e.details().get("granted") instanceof Number g) {
          grantedCounts.merge(g.intValue(), 1, Integer::sum);
        }
        if (inside(e.time(), window)) {
          sent.add(new Point(e.time(), since.doubleValue(), e.file(), e.frame()));
        }
      } else if (e.kind() == EventKind.SIP_REGISTER_RESPONSE
          && isFinalOk(e)
          && e.details().get("requestFrame") instanceof Number rf) {
        TimelineEvent req = refreshes.get(e.file() + "#" + rf.longValue());
        if (req != null
            && req.details().get("sinceLastOk") instanceof Number since
            && inside(e.time(), window)) {
          answered.add(
              new Point(
                  e.time(),
                  since.doubleValue() + Scenes.secondsBetween(req.time(), e.time()),
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
    return new Intervals("SIP", sent, answered, expected, deadline);
  }

  private Intervals sccp(Instant[] window) {
    List<Point> sent = new ArrayList<>();
    List<Point> answered = new ArrayList<>();
    Map<String, Instant> lastAck = new HashMap<>();
    Map<String, Double> sinceAtSend = new HashMap<>();
    double interval = 0;
    for (TimelineEvent e : events) {
      String server = String.valueOf(e.details().get("server"));
      switch (e.kind()) {
        case SCCP_REGISTER_ACK -> {
          lastAck.put(server, e.time());
          if (e.details().get("keepAliveInterval") instanceof Number n && interval == 0) {
            interval = n.doubleValue();
          }
        }
        case SCCP_KEEPALIVE -> {
          Instant ack = lastAck.get(server);
          if ("primary".equals(e.details().get("role")) && ack != null) {
            double s = Scenes.secondsBetween(ack, e.time());
            sinceAtSend.put(e.file() + "#" + e.frame(), s);
            if (inside(e.time(), window)) {
              sent.add(new Point(e.time(), s, e.file(), e.frame()));
            }
          }
        }
        case SCCP_KEEPALIVE_ACK -> {
          Object kf = e.details().get("keepaliveFrame");
          Instant ack = lastAck.put(server, e.time());
          if (kf instanceof Number n
              && ack != null
              && sinceAtSend.containsKey(e.file() + "#" + n.longValue())
              && inside(e.time(), window)) {
            answered.add(
                new Point(e.time(), Scenes.secondsBetween(ack, e.time()), e.file(), e.frame()));
          }
        }
        default -> {}
      }
    }
    double expected = interval > 0 ? interval : 30;
    return new Intervals("SCCP", sent, answered, expected, expected * SCCP_MISSED_KEEPALIVES);
  }

  private static boolean isFinalOk(TimelineEvent e) {
    Object s = e.details().get("status");
    Object outcome = e.details().get("outcome");
    return s instanceof Number n
        && n.intValue() >= 200
        && n.intValue() < 300
        && !"keepalive acknowledged".equals(outcome)
        && !"unregistered".equals(outcome);
  }

  private static boolean inside(Instant t, Instant[] w) {
    return !t.isBefore(w[0]) && !t.isAfter(w[1]);
  }
}
