package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.details;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.timeline.event.EventKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CUCM alarms, switch and firewall messages, attached to the phone they name where possible. */
final class LogTimeline {
  private final DeviceDirectory directory;
  private final Events events;

  LogTimeline(DeviceDirectory directory, Events events) {
    this.directory = directory;
    this.events = events;
  }

  void add(FactCollector facts) {
    facts.of(CucmAlarm.class).forEach(this::alarm);
    facts.of(NetworkLog.class).forEach(this::network);
  }

  private void alarm(CucmAlarm a) {
    dev.regdoc.common.WorkLimit.checkpoint();
    String device =
        a.deviceName() != null
            ? DisplayNames.clean(a.deviceName().trim().toUpperCase(Locale.ROOT))
            : a.ipAddress() != null
                ? directory.deviceFor(a.ipAddress().trim())
                : AddressTimeline.NETWORK;
    Map<String, Object> d =
        details(
            "alarm",
            a.alarm(),
            "severity",
            a.severity(),
            "host",
            a.host(),
            "reason",
            a.reason() >= 0 ? a.reason() : null,
            "localTime",
            a.rawTime());
    d.putAll(new LinkedHashMap<>(a.fields()));
    String reason = a.reason() >= 0 ? " Reason=" + a.reason() : "";
    String node = a.field("NodeID") != null ? " on " + a.field("NodeID") : "";
    events.add(
        a,
        EventKind.CUCM_ALARM,
        device,
        a.alarm()
            + reason
            + node
            + (a.field("LastSignalReceived") != null
                ? " (" + a.field("LastSignalReceived") + ")"
                : ""),
        d);
  }

  private void network(NetworkLog n) {
    String device = AddressTimeline.NETWORK;
    String mac = n.fields().get("mac");
    String ip = n.fields().get("ip");
    if (ip != null && directory.isPhone(ip)) {
      device = directory.deviceFor(ip);
    } else if (mac != null) {
      String phone = directory.ipOfDevice(mac);
      device = phone != null ? directory.deviceFor(phone) : device;
    }
    EventKind kind = "ASA".equals(n.vendor()) ? EventKind.ASA_LOG : EventKind.SWITCH_LOG;
    Map<String, Object> d =
        details(
            "facility",
            n.facility(),
            "severity",
            n.severity(),
            "mnemonic",
            n.mnemonic(),
            "host",
            n.host());
    d.putAll(n.fields());
    events.add(
        n,
        kind,
        device,
        "%" + n.facility() + "-" + n.severity() + "-" + n.mnemonic() + ": " + n.message(),
        d);
  }
}
