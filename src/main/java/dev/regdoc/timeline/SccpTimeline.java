package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.details;
import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.timeline.event.EventKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCCP events of one capture: registrations and their answers, keepalives with their intervals and
 * acknowledgements, keepalives the primary never answered, unregistrations, resets and the phone's
 * out-of-service report. The backup CUCM only TCP-acknowledges keepalives, so only the primary's
 * silence counts as a missing answer.
 */
final class SccpTimeline {
  private static final Pattern XML_FIELD =
      Pattern.compile("<(?:String|Enum) name=\"(\\w+)\">([^<]*)</");

  private final DeviceDirectory directory;
  private final Events events;
  private final ServerRoles roles;
  private final CaptureAligner aligner;

  private final Map<String, SccpMessage> lastKeepAlive = new HashMap<>(); // device|server
  private final Map<String, SccpMessage> unanswered = new HashMap<>();
  private final Set<SccpMessage> sentToPrimary = new HashSet<>();
  private final Set<String> acking = new HashSet<>(); // servers that answer keepalives (primaries)

  SccpTimeline(
      DeviceDirectory directory, Events events, ServerRoles roles, CaptureAligner aligner) {
    this.directory = directory;
    this.events = events;
    this.roles = roles;
    this.aligner = aligner;
  }

  void add(List<SccpMessage> fileMessages) {
    for (SccpMessage m : fileMessages) {
      WorkLimit.checkpoint();
      message(m);
    }
    unanswered.values().stream()
        .filter(sentToPrimary::contains)
        .forEach(
            k ->
                add(
                    k,
                    EventKind.SCCP_KEEPALIVE_UNANSWERED,
                    device(k),
                    "KeepAliveReq to "
                        + directory.serverIp(k.endpoints())
                        + " was never answered before the capture ended",
                    details(
                        "server",
                        directory.serverIp(k.endpoints()),
                        "keepaliveFrame",
                        k.origin().frame())));
  }

  private void message(SccpMessage m) {
    String device = device(m);
    String server = directory.serverIp(m.endpoints());
    switch (m.messageId()) {
      case 0x0001 ->
          add(
              m,
              EventKind.SCCP_REGISTER,
              device,
              "RegisterReq from " + m.deviceName() + " to " + server,
              details("server", server, "deviceName", m.deviceName(), "stationIp", m.stationIp()));
      case 0x0081 -> registerAck(m, device, server);
      case 0x009D ->
          add(
              m,
              EventKind.SCCP_REGISTER_REJECT,
              device,
              "RegisterReject from " + server + ": \"" + m.text() + "\"",
              details("server", server, "text", m.text()));
      case 0x0000 -> keepAlive(m, device, server);
      case 0x0100 -> keepAliveAck(m, device, server);
      case 0x0027 ->
          add(
              m,
              EventKind.SCCP_UNREGISTER,
              device,
              "UnregisterReq to " + server,
              details("server", server, "reason", m.code()));
      case 0x0118 ->
          add(
              m,
              EventKind.SCCP_UNREGISTER_ACK,
              device,
              "UnregisterAck from " + server + " (status " + m.code() + ")",
              details("server", server, "status", m.code()));
      case 0x009F ->
          add(
              m,
              EventKind.SCCP_RESET,
              device,
              "Reset from " + server + " (" + resetType(m.code()) + ")",
              details("server", server, "resetType", resetType(m.code())));
      case 0x0020, 0x015A -> alarm(m, device, server);
      default ->
          add(
              m,
              EventKind.SCCP_MESSAGE,
              device,
              m.name(),
              details("server", server, "messageId", m.messageId()));
    }
  }

  private void registerAck(SccpMessage m, String device, String server) {
    acking.add(server);
    add(
        m,
        EventKind.SCCP_REGISTER_ACK,
        device,
        "RegisterAck from "
            + server
            + ": keepalive every "
            + m.keepAliveInterval()
            + " s to the primary, "
            + m.secondaryKeepAliveInterval()
            + " s to the backup",
        details(
            "server",
            server,
            "keepAliveInterval",
            m.keepAliveInterval(),
            "secondaryKeepAliveInterval",
            m.secondaryKeepAliveInterval()));
    roles.registered(m, null, device, server, "SCCP");
  }

  private void keepAlive(SccpMessage m, String device, String server) {
    String key = device + "|" + server;
    SccpMessage prev = lastKeepAlive.put(key, m);
    SccpMessage missed = unanswered.remove(key);
    if (missed != null && sentToPrimary.contains(missed)) {
      add(
          missed,
          EventKind.SCCP_KEEPALIVE_UNANSWERED,
          device,
          "KeepAliveReq to " + server + " got no KeepAliveAck before the next keepalive",
          details("server", server, "nextKeepaliveFrame", m.origin().frame()));
    }
    unanswered.put(key, m);
    boolean primary = acking.contains(server) || roles.isActive(m, device, server);
    if (primary) {
      sentToPrimary.add(m);
    }
    Map<String, Object> d = details("server", server, "role", primary ? "primary" : "backup");
    String since = "";
    if (prev != null) {
      double s = round3(seconds(prev.time(), m.time()));
      d.put("interval", s);
      since = ", " + s + " s after the previous one";
    }
    add(
        m,
        EventKind.SCCP_KEEPALIVE,
        device,
        "KeepAliveReq to " + (primary ? "primary " : "backup ") + server + since,
        d);
  }

  private void keepAliveAck(SccpMessage m, String device, String server) {
    acking.add(server);
    SccpMessage req = unanswered.remove(device + "|" + server);
    Map<String, Object> d =
        details(
            "server",
            server,
            "latency",
            req == null ? null : round3(seconds(req.time(), m.time())),
            "keepaliveFrame",
            req == null ? null : req.origin().frame());
    add(
        m,
        EventKind.SCCP_KEEPALIVE_ACK,
        device,
        "KeepAliveAck from " + server + (req == null ? "" : " after " + d.get("latency") + " s"),
        d);
  }

  private void alarm(SccpMessage m, String device, String server) {
    Map<String, Object> d = details("server", server, "messageId", m.messageId());
    String text = m.text() == null ? "" : m.text();
    Matcher x = XML_FIELD.matcher(text);
    while (x.find()) {
      if (!x.group(2).isEmpty()) {
        d.put(x.group(1), x.group(2));
      }
    }
    if (d.size() == 2) {
      d.put("text", text);
    }
    String reason = (String) d.get("ReasonForOutOfService");
    add(
        m,
        EventKind.SCCP_ALARM,
        device,
        m.name()
            + " from the phone"
            + (reason != null ? ": ReasonForOutOfService " + reason : "")
            + (d.containsKey("LastProtocolEventSent")
                ? ", last sent " + d.get("LastProtocolEventSent")
                : ""),
        d);
  }

  private String device(SccpMessage m) {
    return directory.deviceFor(directory.phoneIp(m.endpoints()));
  }

  private static String resetType(int code) {
    return switch (code) {
      case 1 -> "reset";
      case 2 -> "restart";
      case 3 -> "apply config";
      default -> "type " + code;
    };
  }

  private void add(
      SccpMessage m, EventKind kind, String device, String summary, Map<String, Object> d) {
    events.add(m, kind, device, summary, aligner.annotate(m, d));
  }

  private static double seconds(Instant a, Instant b) {
    return CaptureAligner.seconds(a, b);
  }
}
