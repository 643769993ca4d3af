package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.details;
import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpControl;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.facts.TlsSegment;
import dev.regdoc.timeline.event.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TCP events on signaling connections: each retransmission tied to the message it carries, the
 * attempt that finally got through, connection set-up and tear-down, and reconnections from a new
 * port.
 */
final class TcpTimeline {
  private final DeviceDirectory directory;
  private final Events events;

  /** file|src>dst -> messages by starting sequence number, to say what a retransmission carried. */
  private final Map<String, TreeMap<Long, String>> carried = new HashMap<>();

  private final Map<String, Integer> lastClientPort = new HashMap<>();

  TcpTimeline(FactCollector facts, DeviceDirectory directory, Events events) {
    this.directory = directory;
    this.events = events;
    for (SipMessage m : facts.of(SipMessage.class)) {
      WorkLimit.checkpoint();
      if (m.tcpSeq() >= 0) {
        index(
            m.origin().file(),
            m.endpoints(),
            m.tcpSeq(),
            m.tcpLength(),
            m.request()
                ? m.method() + " CSeq " + m.cseq()
                : "SIP " + m.status() + " (CSeq " + m.cseq() + ")");
      }
    }
    for (SccpMessage m : facts.of(SccpMessage.class)) {
      WorkLimit.checkpoint();
      index(m.origin().file(), m.endpoints(), m.tcpSeq(), m.length(), "SCCP " + m.name());
    }
  }

  void add(FactCollector facts) {
    facts.of(TcpRetransmission.class).forEach(this::retransmission);
    facts.of(TcpDelivered.class).forEach(this::delivered);
    List<TcpControl> controls = new ArrayList<>(facts.of(TcpControl.class));
    controls.forEach(this::control);
    facts.of(TlsSegment.class).forEach(this::tls);
  }

  private void index(String file, Endpoints e, long seq, int length, String what) {
    carried.computeIfAbsent(file + "|" + e, k -> new TreeMap<>()).put(seq, what + "|" + length);
  }

  /** The message whose bytes include {@code seq}, or null. */
  private String carries(String file, Endpoints e, long seq) {
    TreeMap<Long, String> msgs = carried.get(file + "|" + e);
    if (msgs == null) {
      return null;
    }
    Map.Entry<Long, String> floor = msgs.floorEntry(seq);
    if (floor == null) {
      return null;
    }
    String[] parts = floor.getValue().split("\\|");
    return seq - floor.getKey() < Long.parseLong(parts[1]) ? parts[0] : null;
  }

  private void retransmission(TcpRetransmission r) {
    String what = carries(r.origin().file(), r.endpoints(), r.seq());
    String device = device(r.endpoints());
    boolean timed = !Double.isNaN(r.delaySeconds());
    events.add(
        r,
        EventKind.TCP_RETRANSMISSION,
        device,
        "TCP retransmission #"
            + r.attempt()
            + (what != null ? " of " + what : " of " + r.length() + " bytes")
            + (timed
                ? ", "
                    + round3(r.delaySeconds())
                    + " s after the original (frame "
                    + r.originalFrame()
                    + ")"
                : ""),
        details(
            "seq",
            r.seq(),
            "length",
            r.length(),
            "attempt",
            r.attempt(),
            "delay",
            timed ? round3(r.delaySeconds()) : null,
            "originalFrame",
            r.originalFrame() > 0 ? r.originalFrame() : null,
            "carries",
            what,
            "from",
            r.endpoints().srcIp(),
            "to",
            r.endpoints().dstIp()));
  }

  private void delivered(TcpDelivered d) {
    String what = carries(d.origin().file(), d.endpoints(), d.seq());
    events.add(
        d,
        EventKind.TCP_DELIVERED,
        device(d.endpoints()),
        (what != null ? what : d.length() + " bytes")
            + " acknowledged after "
            + d.attempts()
            + " retransmission(s), "
            + round3(d.secondsSinceFirstSend())
            + " s after the first send; frame "
            + d.lastAttemptFrame()
            + " got through",
        details(
            "seq",
            d.seq(),
            "attempts",
            d.attempts(),
            "firstFrame",
            d.firstFrame(),
            "deliveredFrame",
            d.lastAttemptFrame(),
            "sinceFirstSend",
            round3(d.secondsSinceFirstSend()),
            "carries",
            what));
  }

  private void control(TcpControl c) {
    Endpoints e = c.endpoints();
    String device = device(e);
    EventKind kind =
        switch (c.kind()) {
          case SYN -> EventKind.TCP_SYN;
          case SYN_ACK -> EventKind.TCP_SYN_ACK;
          case FIN -> EventKind.TCP_FIN;
          case RST -> EventKind.TCP_RST;
        };
    String who = e.srcIp().equals(directory.phoneIp(e)) ? "phone" : e.srcIp();
    events.add(
        c,
        kind,
        device,
        c.kind().name().replace('_', '/') + " from " + who + " (" + e + ", TTL " + c.ttl() + ")",
        details(
            "from",
            e.srcIp(),
            "srcPort",
            e.srcPort(),
            "to",
            e.dstIp(),
            "dstPort",
            e.dstPort(),
            "ttl",
            c.ttl()));
    if (c.kind() == TcpControl.Kind.SYN && e.srcIp().equals(directory.phoneIp(e))) {
      String key = c.origin().file() + "|" + e.srcIp() + ">" + e.dstIp() + ":" + e.dstPort();
      Integer previous = lastClientPort.put(key, e.srcPort());
      if (previous != null && previous != e.srcPort()) {
        events.add(
            c,
            EventKind.TCP_RECONNECT,
            device,
            "Phone reconnects to "
                + e.dstIp()
                + ":"
                + e.dstPort()
                + " from new port "
                + e.srcPort()
                + " (was "
                + previous
                + ")",
            details(
                "server",
                e.dstIp(),
                "port",
                e.dstPort(),
                "previousPort",
                previous,
                "newPort",
                e.srcPort()));
      }
    }
  }

  private void tls(TlsSegment s) {
    events.add(
        s,
        EventKind.TLS_DATA,
        device(s.endpoints()),
        "Encrypted signaling, " + s.length() + " bytes " + s.endpoints(),
        details("length", s.length(), "from", s.endpoints().srcIp(), "to", s.endpoints().dstIp()));
  }

  private String device(Endpoints e) {
    return directory.deviceFor(directory.phoneIp(e));
  }
}
