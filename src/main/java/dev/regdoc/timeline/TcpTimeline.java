package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TcpControl;
import dev.regdoc.facts.TcpDelivered;
import dev.regdoc.facts.TcpGap;
import dev.regdoc.facts.TcpRetransmission;
import dev.regdoc.facts.TlsSegment;
import dev.regdoc.timeline.event.Direction;
import dev.regdoc.timeline.event.MessageName;
import dev.regdoc.timeline.event.TcpEvent;
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

  /** A message and the bytes it occupies in its stream; named only when a retransmission asks. */
  private record Span(Fact message, int length) {}

  /** One direction of a connection in one capture. */
  private record Stream(String file, Endpoints endpoints) {}

  /**
   * Each asked-about stream's messages by starting sequence number, to say what a retransmission
   * carried. Only streams a retransmission, delivery or gap names are indexed: indexing every
   * message of a large capture cost a tenth of the memory its timeline needed while being built.
   */
  private final Map<Stream, TreeMap<Long, Span>> carried = new HashMap<>();

  private final Map<String, Integer> lastClientPort = new HashMap<>();

  TcpTimeline(FactCollector facts, DeviceDirectory directory, Events events) {
    this.directory = directory;
    this.events = events;
    facts.of(TcpRetransmission.class).forEach(r -> asked(r.origin().file(), r.endpoints()));
    facts.of(TcpDelivered.class).forEach(d -> asked(d.origin().file(), d.endpoints()));
    facts.of(TcpGap.class).forEach(g -> asked(g.origin().file(), g.endpoints()));
    if (carried.isEmpty()) {
      return;
    }
    for (SipMessage m : facts.of(SipMessage.class)) {
      WorkLimit.checkpoint();
      if (m.tcpSeq() >= 0) {
        index(m.origin().file(), m.endpoints(), m.tcpSeq(), m.tcpLength(), m);
      }
    }
    for (SccpMessage m : facts.of(SccpMessage.class)) {
      WorkLimit.checkpoint();
      index(m.origin().file(), m.endpoints(), m.tcpSeq(), m.length(), m);
    }
  }

  void add(FactCollector facts) {
    facts.of(TcpRetransmission.class).forEach(this::retransmission);
    facts.of(TcpDelivered.class).forEach(this::delivered);
    facts.of(TcpGap.class).forEach(this::gap);
    List<TcpControl> controls = new ArrayList<>(facts.of(TcpControl.class));
    controls.forEach(this::control);
    facts.of(TlsSegment.class).forEach(this::tls);
  }

  /** Messages held in the index of what retransmissions carried. */
  int indexedMessages() {
    return carried.values().stream().mapToInt(Map::size).sum();
  }

  private void asked(String file, Endpoints e) {
    carried.computeIfAbsent(new Stream(file, e), k -> new TreeMap<>());
  }

  private void index(String file, Endpoints e, long seq, int length, Fact message) {
    TreeMap<Long, Span> stream = carried.get(new Stream(file, e));
    if (stream != null) {
      stream.put(seq, new Span(message, length));
    }
  }

  /** The message whose bytes include {@code seq}, or null. */
  private MessageName carries(String file, Endpoints e, long seq) {
    TreeMap<Long, Span> msgs = carried.get(new Stream(file, e));
    if (msgs == null) {
      return null;
    }
    Map.Entry<Long, Span> floor = msgs.floorEntry(seq);
    if (floor == null) {
      return null;
    }
    Span span = floor.getValue();
    return seq - floor.getKey() < span.length() ? MessageName.of(span.message()) : null;
  }

  private void retransmission(TcpRetransmission r) {
    MessageName what = carries(r.origin().file(), r.endpoints(), r.seq());
    String device = device(r.endpoints());
    boolean timed = !Double.isNaN(r.delaySeconds());
    Double delay = timed ? round3(r.delaySeconds()) : null;
    events.add(
        r,
        device,
        "TCP retransmission #"
            + r.attempt()
            + (what != null ? " of " + what : " of " + r.length() + " bytes")
            + (timed
                ? ", " + delay + " s after the original (frame " + r.originalFrame() + ")"
                : ""),
        new TcpEvent.Retransmission(
            r.seq(),
            r.length(),
            r.attempt(),
            delay,
            r.originalFrame() > 0 ? r.originalFrame() : null,
            what,
            r.endpoints().srcIp(),
            r.endpoints().dstIp()));
  }

  private void delivered(TcpDelivered d) {
    MessageName what = carries(d.origin().file(), d.endpoints(), d.seq());
    double since = round3(d.secondsSinceFirstSend());
    events.add(
        d,
        device(d.endpoints()),
        (what != null ? what.text() : d.length() + " bytes")
            + " acknowledged after "
            + d.attempts()
            + (d.attempts() == 1 ? " retransmission, " : " retransmissions, ")
            + since
            + " s after the first send; frame "
            + d.lastAttemptFrame()
            + " got through",
        new TcpEvent.Delivered(
            d.seq(), d.attempts(), d.firstFrame(), d.lastAttemptFrame(), since, what));
  }

  private void gap(TcpGap g) {
    Endpoints e = g.endpoints();
    MessageName what = carries(g.origin().file(), e, g.seq());
    boolean fromPhone = e.srcIp().equals(directory.phoneIp(e));
    events.add(
        g,
        device(e),
        (what != null ? what.text() : g.length() + " bytes")
            + " from "
            + (fromPhone ? "the phone" : e.srcIp())
            + " lost before this capture point: frame "
            + g.aheadFrame()
            + " arrived ahead of it, the receiver acknowledged only up to it, and it came sent"
            + " again",
        new TcpEvent.Gap(
            g.seq(),
            g.length(),
            g.aheadFrame(),
            g.receiverQuiet() < 0 ? null : round3(g.receiverQuiet()),
            Direction.of(fromPhone),
            what,
            e.srcIp(),
            e.dstIp()));
  }

  private void control(TcpControl c) {
    Endpoints e = c.endpoints();
    String device = device(e);
    String who = e.srcIp().equals(directory.phoneIp(e)) ? "phone" : e.srcIp();
    events.add(
        c,
        device,
        c.kind().name().replace('_', '/') + " from " + who + " (" + e + ", TTL " + c.ttl() + ")",
        new TcpEvent.Control(c.kind(), e.srcIp(), e.srcPort(), e.dstIp(), e.dstPort(), c.ttl()));
    if (c.kind() == TcpControl.Kind.SYN && e.srcIp().equals(directory.phoneIp(e))) {
      String key = c.origin().file() + "|" + e.srcIp() + ">" + e.dstIp() + ":" + e.dstPort();
      Integer previous = lastClientPort.put(key, e.srcPort());
      if (previous != null && previous != e.srcPort()) {
        events.add(
            c,
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
            new TcpEvent.Reconnect(e.dstIp(), e.dstPort(), previous, e.srcPort()));
      }
    }
  }

  private void tls(TlsSegment s) {
    Endpoints e = s.endpoints();
    SignalingPort port =
        SignalingPort.of(e.dstPort())
            .or(() -> SignalingPort.of(e.srcPort()))
            .filter(SignalingPort::tls)
            .orElse(null);
    events.add(
        s,
        device(e),
        "Encrypted signaling, " + s.length() + " bytes " + e,
        new TcpEvent.TlsData(s.length(), e.srcIp(), e.dstIp(), port));
  }

  private String device(Endpoints e) {
    return directory.deviceFor(directory.phoneIp(e));
  }
}
