package dev.regdoc.timeline;

import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.TraceSignal;
import dev.regdoc.timeline.event.LogEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The station-process signals of CallManager traces (a refresh timer that ran out, a reset, an
 * unregistration), attached to the phone their tag names: what CUCM decided, next to the alarm it
 * then raised.
 */
final class TraceSignalTimeline {
  private final DeviceDirectory directory;
  private final Events events;

  TraceSignalTimeline(DeviceDirectory directory, Events events) {
    this.directory = directory;
    this.events = events;
  }

  void add(FactCollector facts) {
    for (TraceSignal s : facts.of(TraceSignal.class)) {
      WorkLimit.checkpoint();
      String device =
          s.deviceName() != null
              ? DisplayNames.clean(s.deviceName().toUpperCase(Locale.ROOT))
              : s.deviceIp() != null ? directory.deviceFor(s.deviceIp()) : AddressTimeline.NETWORK;
      Map<String, String> fields = new LinkedHashMap<>();
      if (s.deviceIp() != null) {
        fields.put("deviceIp", s.deviceIp());
      }
      events.add(
          s,
          device,
          s.signal() + " on " + s.node() + " (" + s.receiver() + ")",
          new LogEvent.CucmSignal(
              s.signal(), s.node(), s.receiver(), s.sender(), s.remote(), fields));
    }
  }
}
