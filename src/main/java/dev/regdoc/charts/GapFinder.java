package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.Gap;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SipEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a registration went without an answer for longer than CUCM allows: between two successful
 * answers from one CUCM (a SIP 200 OK that grants an Expires; an SCCP RegisterAck or KeepAliveAck),
 * or from the last answer to the last request that never got one. A de-registration ends the watch.
 */
final class GapFinder {
  /**
   * SCCP has no Expires: one and a half keepalive intervals without an answer means one was missed.
   */
  static final double SCCP_TOLERANCE = 1.5;

  private final List<TimelineEvent> events;
  private final Set<String> phoneIps;
  private final String server;

  /**
   * @param events one device's events of all captures (a second capture's repeats are already
   *     removed)
   */
  GapFinder(List<TimelineEvent> events, Set<String> phoneIps, String server) {
    this.events = events;
    this.phoneIps = phoneIps;
    this.server = server;
  }

  List<Gap> find(int lane) {
    List<Gap> gaps = new ArrayList<>();
    Instant lastAnswer = null;
    double limit = 0;
    Instant lastRequest = null;
    double sccpInterval = 30;
    for (TimelineEvent e : events) {
      if (!server.equals(Scenes.serverOf(e, phoneIps))) {
        continue;
      }
      if (e.details() instanceof SccpEvent.RegisterAck a && a.keepAliveInterval() > 0) {
        sccpInterval = a.keepAliveInterval();
      }
      double granted = grantedBy(e, sccpInterval);
      if (granted > 0) {
        if (lastAnswer != null && Scenes.secondsBetween(lastAnswer, e.time()) > limit) {
          gaps.add(
              new Gap(
                  lane, lastAnswer, e.time(), Scenes.secondsBetween(lastAnswer, e.time()), limit));
        }
        lastAnswer = e.time();
        limit = granted;
        lastRequest = null;
      } else if (e.kind() == EventKind.SIP_DEREGISTER || e.kind() == EventKind.SCCP_UNREGISTER) {
        // the phone left this CUCM on purpose: no registration to keep alive until it registers
        // again
        lastAnswer = null;
        lastRequest = null;
      } else if (isRequest(e)) {
        lastRequest = e.time();
      }
    }
    if (lastAnswer != null
        && lastRequest != null
        && Scenes.secondsBetween(lastAnswer, lastRequest) > limit) {
      gaps.add(
          new Gap(
              lane,
              lastAnswer,
              lastRequest,
              Scenes.secondsBetween(lastAnswer, lastRequest),
              limit));
    }
    return gaps;
  }

  /** Seconds the answer keeps the registration alive, or 0 when {@code e} is no such answer. */
  private static double grantedBy(TimelineEvent e, double sccpInterval) {
    if (e.details() instanceof SipEvent.RegisterResponse r) {
      return r.success() && r.granted() != null ? r.granted() : 0;
    }
    if (e.kind() == EventKind.SCCP_REGISTER_ACK || e.kind() == EventKind.SCCP_KEEPALIVE_ACK) {
      return sccpInterval * SCCP_TOLERANCE;
    }
    return 0;
  }

  private static boolean isRequest(TimelineEvent e) {
    return switch (e.kind()) {
      case SIP_REFRESH,
          SIP_REGISTER,
          SCCP_KEEPALIVE,
          SCCP_REGISTER,
          TCP_RETRANSMISSION,
          SIP_REQUEST_RETRANSMISSION ->
          true;
      default -> false;
    };
  }
}
