package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.MarkKind;
import dev.regdoc.charts.TimelineScene.MarkerKind;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How timeline events read as pictures: which event is which mark, which server it concerns, what
 * is cited.
 */
final class Scenes {
  private Scenes() {}

  /**
   * The capture whose clock the timeline uses: the reference of the clock offsets, else the capture
   * with most events.
   */
  static String referenceFile(Timeline t, List<TimelineEvent> events) {
    if (!t.clockOffsets().isEmpty()) {
      return t.clockOffsets().get(0).reference();
    }
    Map<String, Integer> counts = new HashMap<>();
    events.stream()
        .filter(e -> e.frame() > 0)
        .forEach(e -> counts.merge(e.file(), 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("");
  }

  static boolean isMessage(EventKind kind) {
    return (kind.family() == EventKind.Family.SIP || kind.family() == EventKind.Family.SCCP)
        && kind != EventKind.SCCP_ALARM
        && kind != EventKind.SCCP_KEEPALIVE_UNANSWERED;
  }

  static MarkKind markKind(TimelineEvent e) {
    switch (e.kind()) {
      case SIP_REGISTER, SCCP_REGISTER:
        return MarkKind.REGISTRATION;
      case SIP_REFRESH:
        return MarkKind.REFRESH;
      case SIP_BACKUP_KEEPALIVE, SCCP_KEEPALIVE:
        return MarkKind.KEEPALIVE;
      case SIP_DEREGISTER, SCCP_UNREGISTER:
        return MarkKind.DEREGISTRATION;
      case SCCP_REGISTER_ACK, SCCP_KEEPALIVE_ACK, SCCP_UNREGISTER_ACK:
        return MarkKind.ANSWER;
      case SCCP_REGISTER_REJECT:
        return MarkKind.REJECTED;
      case SCCP_KEEPALIVE_UNANSWERED:
        return MarkKind.UNANSWERED;
      case TCP_RETRANSMISSION, SIP_REQUEST_RETRANSMISSION:
        return MarkKind.RETRANSMISSION;
      case SIP_REGISTER_RESPONSE:
        return registerResponse(e);
      default:
        return null;
    }
  }

  private static MarkKind registerResponse(TimelineEvent e) {
    int status = e.details().get("status") instanceof Number n ? n.intValue() : 0;
    if (status < 200) {
      return null; // 100 Trying says nothing about the registration
    }
    return status < 300 || status == 401 || status == 407 ? MarkKind.ANSWER : MarkKind.REJECTED;
  }

  static boolean fromPhone(MarkKind k) {
    return k != MarkKind.ANSWER && k != MarkKind.REJECTED && k != MarkKind.LOST_DOWN;
  }

  /** The CUCM an event concerns (an IP address), or null. */
  static String serverOf(TimelineEvent e, Set<String> phoneIps) {
    Object s = e.details().get("server");
    if (s != null) {
      String v = s.toString();
      int colon = v.lastIndexOf(':');
      return colon > 0 && v.indexOf(':') == colon ? v.substring(0, colon) : v;
    }
    Object from = e.details().get("from");
    Object to = e.details().get("to");
    if (e.kind().family() == EventKind.Family.TCP && from != null && to != null) {
      return phoneIps.contains(from.toString()) ? to.toString() : from.toString();
    }
    return null;
  }

  /**
   * The device's CUCMs in first-contact order, plus any server its events name that the directory
   * missed.
   */
  static List<String> servers(DeviceInfo d, List<TimelineEvent> events, Set<String> phoneIps) {
    Set<String> out = new LinkedHashSet<>(d.servers());
    for (TimelineEvent e : events) {
      if (isMessage(e.kind())) {
        String s = serverOf(e, phoneIps);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The CUCM of the first registration (the phone's first choice), else the first server. */
  static String primary(List<TimelineEvent> events, List<String> servers) {
    for (TimelineEvent e : events) {
      if (e.kind() == EventKind.SIP_REGISTER || e.kind() == EventKind.SCCP_REGISTER) {
        String s = serverOf(e, Set.of());
        if (s != null) {
          return s;
        }
      }
    }
    return servers.isEmpty() ? null : servers.get(0);
  }

  static Set<String> evidenceCites(Finding f) {
    Set<String> out = new LinkedHashSet<>();
    if (f == null) {
      return out;
    }
    for (Evidence e : f.evidence()) {
      e.frames().forEach(n -> out.add(e.file() + "#" + n));
      if (e.line() > 0) {
        out.add(e.file() + ":" + e.line());
      }
    }
    return out;
  }

  static Instant[] span(List<TimelineEvent> events) {
    Instant from = null;
    Instant to = null;
    for (TimelineEvent e : events) {
      if (from == null || e.time().isBefore(from)) {
        from = e.time();
      }
      if (to == null || e.time().isAfter(to)) {
        to = e.time();
      }
    }
    return new Instant[] {from, to};
  }

  static Instant[] evidenceSpan(Finding f, List<TimelineEvent> events) {
    List<Instant> ts = evidenceTimes(f, events);
    return new Instant[] {
      ts.stream().min(Instant::compareTo).orElse(null),
      ts.stream().max(Instant::compareTo).orElse(null)
    };
  }

  /**
   * The times of a finding's evidence on the timeline's clock: evidence carries its file's own
   * time, so each cited frame or line is looked up among the events (or as the other capture's
   * frame of one).
   */
  static List<Instant> evidenceTimes(Finding f, List<TimelineEvent> events) {
    List<Instant> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    Map<String, Instant> byCite = new HashMap<>();
    for (TimelineEvent e : events) {
      byCite.putIfAbsent(e.cite(), e.time());
      if (e.details().get("otherFile") != null && e.details().get("otherFrame") != null) {
        byCite.putIfAbsent(
            e.details().get("otherFile") + "#" + e.details().get("otherFrame"), e.time());
      }
    }
    for (Evidence e : f.evidence()) {
      Instant t = null;
      for (Long n : e.frames()) {
        t = t == null ? byCite.get(e.file() + "#" + n) : t;
      }
      if (t == null && e.line() > 0) {
        t = byCite.get(e.file() + ":" + e.line());
      }
      if (t == null && e.time() != null && (!e.frames().isEmpty() || e.line() > 0)) {
        t = e.time();
      }
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The hour before the finding's last evidence (null: the timeline's end): where a long fault
   * shows itself.
   */
  static Instant[] lastHourBefore(Instant lastEvidence, Instant[] span) {
    Instant end = lastEvidence != null ? lastEvidence : span[1];
    return new Instant[] {end.minus(Duration.ofHours(1)), end};
  }

  static MarkerKind markerKind(TimelineEvent e) {
    switch (e.kind()) {
      case FAILOVER:
        return MarkerKind.FAILOVER;
      case FALLBACK:
        return MarkerKind.FALLBACK;
      case SWITCH_LOG, ASA_LOG:
        return MarkerKind.NETWORK;
      case CUCM_ALARM:
        String alarm = String.valueOf(e.details().get("alarm"));
        int severity = e.details().get("severity") instanceof Number n ? n.intValue() : 7;
        return alarm.contains("Unregistered") || alarm.contains("Rejected") || severity <= 3
            ? MarkerKind.ALARM
            : MarkerKind.NOTICE;
      default:
        return null;
    }
  }

  static boolean isAddressEvent(TimelineEvent e) {
    return e.kind() == EventKind.ARP_REPLY || e.kind() == EventKind.MAC_PATH;
  }

  /**
   * An ARP answer that gives a CUCM's address a different MAC than the last answer did, or frames
   * to a CUCM that start going to another MAC: the moments a proxy ARP or a conflict redirects
   * traffic.
   */
  static boolean isAddressChange(TimelineEvent e, Set<String> servers, Map<String, String> macOf) {
    Map<String, Object> d = e.details();
    if (e.kind() == EventKind.ARP_REPLY && servers.contains(String.valueOf(d.get("ip")))) {
      String previous = macOf.put(String.valueOf(d.get("ip")), String.valueOf(d.get("mac")));
      return previous != null && !previous.equals(d.get("mac"));
    }
    return e.kind() == EventKind.MAC_PATH && d.get("previousDstMac") != null;
  }

  static String markerLabel(TimelineEvent e, MarkerKind kind, Labels labels) {
    Map<String, Object> d = e.details();
    switch (kind) {
      case ADDRESS:
        return e.kind() == EventKind.MAC_PATH
            ? d.get("dstIp") + " \u2192 " + d.get("dstMac")
            : "ARP " + d.get("ip") + " = " + d.get("mac");
      case FAILOVER:
      case FALLBACK:
        return labels.get(kind == MarkerKind.FAILOVER ? "marker.failover" : "marker.fallback")
            + " \u2192 "
            + d.get("to");
      case NETWORK:
        return "%" + d.get("facility") + "-" + d.get("severity") + "-" + d.get("mnemonic");
      default:
        Object reason = d.get("reason");
        return d.get("alarm") + (reason != null ? " " + reason : "");
    }
  }

  /** Seconds from {@code a} to {@code b}, to the nanosecond. */
  static double secondsBetween(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  /** Seconds as the pictures print them: up to three decimals, no trailing zeros. */
  static String seconds(double s) {
    String v = String.format(Locale.ROOT, "%.3f", s);
    v = v.replaceAll("0+$", "");
    return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
  }
}
