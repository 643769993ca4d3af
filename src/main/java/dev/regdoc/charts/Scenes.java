package dev.regdoc.charts;

import dev.regdoc.charts.TimelineScene.MarkKind;
import dev.regdoc.charts.TimelineScene.MarkerKind;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import dev.regdoc.timeline.event.AddressEvent;
import dev.regdoc.timeline.event.EventDetails;
import dev.regdoc.timeline.event.EventKind;
import dev.regdoc.timeline.event.InferredEvent;
import dev.regdoc.timeline.event.LogEvent;
import dev.regdoc.timeline.event.SeenIn;
import dev.regdoc.timeline.event.SignalingEvent;
import dev.regdoc.timeline.event.SipEvent;
import dev.regdoc.timeline.event.TcpEvent;
import dev.regdoc.timeline.event.TraceLane;
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
    int status = ((SipEvent.RegisterResponse) e.details()).status();
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
    EventDetails d = e.details();
    if (d instanceof SignalingEvent s && s.server() != null) {
      return s.server();
    }
    if (d instanceof TcpEvent.Reconnect r) {
      return r.server();
    }
    if (d instanceof TcpEvent.Between b && b.from() != null && b.to() != null) {
      return phoneIps.contains(b.from()) ? b.to() : b.from();
    }
    return null;
  }

  /** Where a SIP or SCCP message was seen when two captures were aligned, or null. */
  static SeenIn seen(TimelineEvent e) {
    return e.details() instanceof SignalingEvent s ? s.seen() : null;
  }

  /**
   * The other capture an event names: where a message seen in both was seen too, or where a
   * one-sided message is missing; null when it names none.
   */
  static String otherFile(TimelineEvent e) {
    if (e.details() instanceof InferredEvent.OneSided o) {
      return o.missingFrom();
    }
    if (otherCite(e) == null) {
      return null;
    }
    SeenIn seen = seen(e);
    return seen.traceLane() != null ? seen.traceLane() : seen.otherFile();
  }

  /**
   * The same message in the other capture ("file#frame") or in a CUCM trace ("file:line"), or null.
   */
  static String otherCite(TimelineEvent e) {
    SeenIn seen = seen(e);
    if (seen == null || !seen.inBoth()) {
      return null;
    }
    if (seen.otherLine() > 0) {
      return seen.otherFile() + ":" + seen.otherLine();
    }
    return seen.otherFrame() > 0 ? seen.otherFile() + "#" + seen.otherFrame() : null;
  }

  /** "also at phone.pcap#12", or "seen at CUCM (trace): SDL...txt.gz line 48211" for a trace. */
  static String alsoAt(Labels labels, String cite) {
    int colon = cite.lastIndexOf(':');
    if (!cite.contains("#") && colon > 0) {
      return labels.get("ladder.alsoAtTrace", cite.substring(0, colon), cite.substring(colon + 1));
    }
    return labels.get("ladder.alsoAt", cite);
  }

  /** A lane's side: "seen at the phone (file)", "seen at the CUCM (file)" or a node's trace. */
  static String side(Labels labels, String side, boolean atPhone) {
    if (TraceLane.is(side)) {
      return labels.get("lane.cucmTrace", TraceLane.nodeOf(side));
    }
    return labels.get(atPhone ? "lane.phoneSide" : "lane.cucmSide", side);
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
      String other = otherCite(e);
      if (other != null) {
        byCite.putIfAbsent(other, e.time());
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
        LogEvent.CucmAlarm a = (LogEvent.CucmAlarm) e.details();
        String alarm = String.valueOf(a.alarm());
        return alarm.contains("Unregistered") || alarm.contains("Rejected") || a.severity() <= 3
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
    if (e.details() instanceof AddressEvent.ArpReply r && servers.contains(r.ip())) {
      String previous = macOf.put(r.ip(), String.valueOf(r.mac()));
      return previous != null && !previous.equals(r.mac());
    }
    return e.details() instanceof AddressEvent.MacPath p && p.previousDstMac() != null;
  }

  static String markerLabel(TimelineEvent e, MarkerKind kind, Labels labels) {
    EventDetails d = e.details();
    if (d instanceof AddressEvent.MacPath p) {
      return p.dstIp() + " \u2192 " + p.dstMac();
    } else if (d instanceof AddressEvent.ArpReply r) {
      return "ARP " + r.ip() + " = " + r.mac();
    } else if (d instanceof InferredEvent.RoleChange c) {
      return labels.get(kind == MarkerKind.FAILOVER ? "marker.failover" : "marker.fallback")
          + " \u2192 "
          + c.to();
    } else if (d instanceof LogEvent.NetworkLog n) {
      return logTag(n);
    } else if (d instanceof LogEvent.CucmAlarm a) {
      return a.alarm() + (a.reason() != null ? " " + a.reason() : "");
    }
    return e.kind().id();
  }

  /** %FACILITY-SEVERITY-MNEMONIC, as the switch or firewall wrote it. */
  static String logTag(LogEvent.NetworkLog n) {
    return "%" + n.facility() + "-" + n.severity() + "-" + n.mnemonic();
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
