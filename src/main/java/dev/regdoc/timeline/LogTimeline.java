package dev.regdoc.timeline;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.timeline.event.LogEvent;
import java.util.Locale;

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
    WorkLimit.checkpoint();
    String device =
        a.deviceName() != null
            ? DisplayNames.clean(a.deviceName().trim().toUpperCase(Locale.ROOT))
            : a.ipAddress() != null
                ? directory.deviceFor(a.ipAddress().trim())
                : AddressTimeline.NETWORK;
    String reason = a.reason() >= 0 ? " Reason=" + a.reason() : "";
    String node = a.field("NodeID") != null ? " on " + a.field("NodeID") : "";
    events.add(
        a,
        device,
        a.alarm()
            + reason
            + node
            + (a.field("LastSignalReceived") != null
                ? " (" + a.field("LastSignalReceived") + ")"
                : ""),
        new LogEvent.CucmAlarm(
            a.alarm(),
            a.severity(),
            a.host(),
            a.reason() >= 0 ? a.reason() : null,
            a.rawTime(),
            a.fields()));
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
    events.add(
        n,
        device,
        "%" + n.facility() + "-" + n.severity() + "-" + n.mnemonic() + ": " + n.message(),
        new LogEvent.NetworkLog(
            "ASA".equals(n.vendor()),
            n.facility(),
            n.severity(),
            n.mnemonic(),
            n.host(),
            n.fields()));
  }
}
