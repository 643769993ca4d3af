package dev.regdoc.timeline;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SignalingPort;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TraceAlarm;
import dev.regdoc.facts.TraceDirection;
import dev.regdoc.facts.TraceFile;
import dev.regdoc.facts.TraceSccp;
import dev.regdoc.facts.TraceSip;
import dev.regdoc.timeline.event.TraceLane;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What CallManager traces say, as the facts a capture on the CUCM's NIC gives: each traced SIP
 * message as the {@link SipMessage} it logged (between the remote end and the node), each SCCP
 * station message as an {@link SccpMessage} between the phone and the node's port 2000, each alarm
 * as the {@link CucmAlarm} syslog would carry. Their origins stay the trace file and line, so every
 * event cites {@code SDL001_100_000123.txt.gz} line 48211; the node's files together are one view,
 * the node's trace lane.
 */
public final class TraceEvidence {
  /** CUCM's SCCP port: the trace does not write it. */
  static final int SCCP_PORT = SignalingPort.SCCP.number();

  private final Map<Fact, String> laneOf = new IdentityHashMap<>();
  private final Map<String, String> hostByNode = new LinkedHashMap<>();
  private final Map<String, List<String>> filesByLane = new LinkedHashMap<>();
  private final List<SipMessage> sip = new ArrayList<>();
  private final List<SccpMessage> sccp = new ArrayList<>();
  private final Map<SccpMessage, String> sccpConnection = new IdentityHashMap<>();

  TraceEvidence(FactCollector facts) {
    for (TraceFile f : facts.of(TraceFile.class)) {
      if (f.hostIp() != null) {
        hostByNode.putIfAbsent(f.node(), f.hostIp());
      }
      filesByLane
          .computeIfAbsent(TraceLane.of(f.node()), k -> new ArrayList<>())
          .add(f.origin().file());
    }
    for (TraceSip t : facts.of(TraceSip.class)) {
      WorkLimit.checkpoint();
      // a message cut short still reached CUCM: kept when its head names the transaction
      if (t.message() != null && (!t.incomplete() || t.message().callId() != null)) {
        SipMessage m = withServer(t);
        sip.add(m);
        laneOf.put(m, TraceLane.of(t.node()));
      }
    }
    // a station process is tied to its phone by a signal that may come after its first lines (a
    // backup CUCM gets keepalives before the phone registers with it)
    Map<String, TraceSccp> phoneOfConnection = new HashMap<>();
    for (TraceSccp t : facts.of(TraceSccp.class)) {
      if (t.deviceIp() != null) {
        phoneOfConnection.putIfAbsent(connection(t), t);
      }
    }
    for (TraceSccp t : facts.of(TraceSccp.class)) {
      WorkLimit.checkpoint();
      TraceSccp phone = t.deviceIp() != null ? t : phoneOfConnection.get(connection(t));
      if (t.messageId() >= 0 && phone != null) {
        SccpMessage m = sccp(t, phone.deviceIp(), phone.deviceName());
        sccp.add(m);
        laneOf.put(m, TraceLane.of(t.node()));
        sccpConnection.put(m, connection(t));
      }
    }
  }

  /** The station process serves one connection; its lines name the TCP handle only sometimes. */
  private static String connection(TraceSccp t) {
    return t.node()
        + "|"
        + (t.stationInstance() >= 0 ? "StationD " + t.stationInstance() : t.connection());
  }

  /** {@code facts} (those this was made from) with the traces' messages and alarms added. */
  FactCollector expand(FactCollector facts) {
    if (facts.of(TraceFile.class).isEmpty()) {
      return facts;
    }
    FactCollector all = new FactCollector();
    facts.all().forEach(all::accept);
    sip.forEach(all::accept);
    sccp.forEach(all::accept);
    alarms(facts.all()).forEach(all::accept);
    return all;
  }

  /** The alarms the traces hold, as syslog's CUCM alarms: the rules read those. */
  public static List<CucmAlarm> alarms(List<Fact> facts) {
    List<CucmAlarm> out = new ArrayList<>();
    for (Fact f : facts) {
      if (f instanceof TraceAlarm a) {
        WorkLimit.checkpoint();
        Map<String, String> fields = new LinkedHashMap<>(a.parameters());
        fields.putIfAbsent("NodeID", a.node());
        out.add(
            new CucmAlarm(
                a.origin(),
                a.localTime() == null || a.time() == null
                    ? null
                    : a.localTime().atOffset(offset(a)),
                a.localTime() == null ? null : a.localTime().toString(),
                a.node(),
                "CCM",
                severity(a.severity()),
                a.alarm(),
                fields,
                a.text()));
      }
    }
    return out;
  }

  private static ZoneOffset offset(TraceAlarm a) {
    long s = Duration.between(a.time(), a.localTime().toInstant(ZoneOffset.UTC)).toSeconds();
    return ZoneOffset.ofTotalSeconds((int) s);
  }

  /** The node's trace lane of a derived message, or null for a capture's. */
  String laneOf(Fact f) {
    return laneOf.get(f);
  }

  /** The view a message belongs to: its trace lane, else its file. */
  String viewOf(Fact f) {
    String lane = laneOf.get(f);
    return lane != null ? lane : f.origin().file();
  }

  /** The trace files of each lane. */
  Map<String, List<String>> filesByLane() {
    return filesByLane;
  }

  List<SipMessage> sip() {
    return sip;
  }

  List<SccpMessage> sccp() {
    return sccp;
  }

  /** The node and the connection (TCP handle or station process) CUCM traced an SCCP message on. */
  String connectionOf(SccpMessage m) {
    return sccpConnection.get(m);
  }

  /** The node's own address, or its name when no header gave one. */
  private String server(String node) {
    return hostByNode.getOrDefault(node, node);
  }

  private SipMessage withServer(TraceSip t) {
    SipMessage m = t.message();
    Endpoints e = m.endpoints();
    if (e != null && e.srcIp() != null && e.dstIp() != null) {
      return m;
    }
    int local = (t.tls() ? SignalingPort.SIP_TLS : SignalingPort.SIP).number();
    Endpoints fixed =
        t.direction() == TraceDirection.INCOMING
            ? new Endpoints(t.remoteIp(), t.remotePort(), server(t.node()), local)
            : new Endpoints(server(t.node()), local, t.remoteIp(), t.remotePort());
    return new SipMessage(
        m.origin(),
        m.firstFrame(),
        m.transport(),
        fixed,
        m.request(),
        m.method(),
        m.status(),
        m.reasonPhrase(),
        m.requestUri(),
        m.callId(),
        m.cseq(),
        m.cseqMethod(),
        m.viaBranch(),
        m.expiresHeader(),
        m.contactExpires(),
        m.contact(),
        m.deviceName(),
        m.instanceMac(),
        m.ciscoKeepAlive(),
        m.userAgent(),
        m.reasonHeader(),
        m.tcpSeq(),
        m.tcpLength(),
        m.anomalies());
  }

  private SccpMessage sccp(TraceSccp t, String deviceIp, String deviceName) {
    String server = server(t.node());
    int port = Math.max(t.devicePort(), 0);
    Endpoints e =
        t.direction() == TraceDirection.INCOMING
            ? new Endpoints(deviceIp, port, server, SCCP_PORT)
            : new Endpoints(server, SCCP_PORT, deviceIp, port);
    boolean register = t.messageId() == 0x0001;
    return new SccpMessage(
        t.origin(),
        0,
        e,
        t.messageId(),
        t.name(),
        deviceName == null ? null : deviceName.toUpperCase(Locale.ROOT),
        register ? deviceIp : null,
        0,
        0,
        -1,
        null,
        -1,
        0);
  }

  private static int severity(String s) {
    if (s == null) {
      return 7;
    }
    String l = s.toLowerCase(Locale.ROOT);
    for (var e : SEVERITIES.entrySet()) {
      if (l.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return 7;
  }

  private static final Map<String, Integer> SEVERITIES = new LinkedHashMap<>();

  static {
    String[] names = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
    for (int i = 0; i < names.length; i++) {
      SEVERITIES.put(names[i], i);
    }
  }

  /** The lanes {@code facts} have traces for. */
  Set<String> lanes() {
    return filesByLane.keySet();
  }
}
