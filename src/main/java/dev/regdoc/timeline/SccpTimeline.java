package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.round3;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.Protocol;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.timeline.event.KeepaliveRole;
import dev.regdoc.timeline.event.SccpEvent;
import dev.regdoc.timeline.event.SeenIn;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

  // device|server|phone port: an interval spans one TCP connection, never a reconnect
  private final Map<CompoundKey, SccpMessage> lastKeepAlive =
      new HashMap<>(); // device, server, port
  private final Map<CompoundKey, SccpMessage> unanswered = new HashMap<>(); // device, server
  // these very messages: a message's own hash would read all its fields
  private final Set<SccpMessage> sentToPrimary = Collections.newSetFromMap(new IdentityHashMap<>());
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
            k -> {
              String server = directory.serverIp(k.endpoints());
              events.add(
                  k,
                  device(k),
                  new SccpEvent.KeepAliveUnanswered(
                      server, k.origin().frame(), null, aligner.seenIn(k)));
            });
  }

  private void message(SccpMessage m) {
    String device = device(m);
    String server = directory.serverIp(m.endpoints());
    SeenIn seen = aligner.seenIn(m);
    switch (m.messageId()) {
      case 0x0001 ->
          events.add(
              m, device, new SccpEvent.Register(server, m.deviceName(), m.stationIp(), seen));
      case 0x0081 -> registerAck(m, device, server, seen);
      case 0x009D ->
          events.add(
              m,
              device,
              "RegisterReject from " + server + ": \"" + m.text() + "\"",
              new SccpEvent.RegisterReject(server, m.text(), seen));
      case 0x0000 -> keepAlive(m, device, server, seen);
      case 0x0100 -> keepAliveAck(m, device, server, seen);
      case 0x0027 ->
          events.add(
              m,
              device,
              "UnregisterReq to " + server,
              new SccpEvent.Unregister(server, m.code(), seen));
      case 0x0118 ->
          events.add(
              m,
              device,
              "UnregisterAck from " + server + " (status " + m.code() + ")",
              new SccpEvent.UnregisterAck(server, m.code(), seen));
      case 0x009F -> {
        String type = SccpEvent.Reset.typeOf(m.code());
        events.add(
            m,
            device,
            "Reset from " + server + " (" + type + ")",
            new SccpEvent.Reset(server, type, seen));
      }
      case 0x0020, 0x015A -> alarm(m, device, server, seen);
      default -> events.add(m, device, m.name(), new SccpEvent.Other(server, m.messageId(), seen));
    }
  }

  private void registerAck(SccpMessage m, String device, String server, SeenIn seen) {
    acking.add(server);
    events.add(
        m,
        device,
        new SccpEvent.RegisterAck(
            server, m.keepAliveInterval(), m.secondaryKeepAliveInterval(), seen));
    roles.registered(m, null, device, server, Protocol.SCCP);
  }

  private void keepAlive(SccpMessage m, String device, String server, SeenIn seen) {
    CompoundKey key = CompoundKey.of(device, server);
    SccpMessage prev =
        lastKeepAlive.put(new CompoundKey(device, server, m.endpoints().srcPort()), m);
    SccpMessage missed = unanswered.remove(key);
    if (missed != null && sentToPrimary.contains(missed)) {
      events.add(
          missed,
          device,
          new SccpEvent.KeepAliveUnanswered(
              server, null, m.origin().frame(), aligner.seenIn(missed)));
    }
    unanswered.put(key, m);
    boolean primary = acking.contains(server) || roles.isActive(m, device, server);
    if (primary) {
      sentToPrimary.add(m);
    }
    Double interval = prev == null ? null : round3(seconds(prev.time(), m.time()));
    events.add(
        m,
        device,
        new SccpEvent.KeepAlive(
            server, primary ? KeepaliveRole.PRIMARY : KeepaliveRole.BACKUP, interval, seen));
  }

  private void keepAliveAck(SccpMessage m, String device, String server, SeenIn seen) {
    acking.add(server);
    SccpMessage req = unanswered.remove(CompoundKey.of(device, server));
    Double latency = req == null ? null : round3(seconds(req.time(), m.time()));
    events.add(
        m,
        device,
        new SccpEvent.KeepAliveAck(
            server, latency, req == null ? null : req.origin().frame(), seen));
  }

  private void alarm(SccpMessage m, String device, String server, SeenIn seen) {
    String text = m.text() == null ? "" : m.text();
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher x = XML_FIELD.matcher(text);
    while (x.find()) {
      if (!x.group(2).isEmpty()) {
        fields.put(x.group(1), x.group(2));
      }
    }
    SccpEvent.Alarm alarm = new SccpEvent.Alarm(server, m.messageId(), fields, text, seen);
    String reason = alarm.field("ReasonForOutOfService");
    String lastSent = alarm.field("LastProtocolEventSent");
    events.add(
        m,
        device,
        m.name()
            + " from the phone"
            + (reason != null ? ": ReasonForOutOfService " + reason : "")
            + (lastSent != null ? ", last sent " + lastSent : ""),
        alarm);
  }

  private String device(SccpMessage m) {
    return directory.deviceFor(directory.phoneIp(m.endpoints()));
  }

  private static double seconds(Instant a, Instant b) {
    return CaptureAligner.seconds(a, b);
  }
}
