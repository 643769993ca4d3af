package dev.regdoc.timeline;

import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FileReport;
import java.util.List;

/**
 * Everything read, on one time axis: per-file reports, the phones found, clock offsets between
 * captures, the events, device configurations (they have no time) and the anomalies met while
 * reading.
 */
public record Timeline(
    List<FileReport> files,
    List<DeviceInfo> devices,
    List<ClockOffset> clockOffsets,
    List<TimelineEvent> events,
    List<Fact> configs,
    List<Anomaly> anomalies) {

  public static final String SCHEMA = "regdoc.timeline/1";

  /** The same timeline without its events: the phones, files, offsets and configs stay. */
  public Timeline withoutEvents() {
    return new Timeline(files, devices, clockOffsets, List.of(), configs, anomalies);
  }

  /** The same timeline limited to one device (matched by name, MAC or IP, case-insensitively). */
  public Timeline forDevice(String id) {
    List<DeviceInfo> ds = devices.stream().filter(d -> matches(d, id)).toList();
    List<String> ids = ds.stream().map(DeviceInfo::id).toList();
    List<TimelineEvent> es =
        events.stream()
            .filter(e -> ids.contains(e.device()) || e.device().equalsIgnoreCase(id))
            .toList();
    return new Timeline(files, ds, clockOffsets, es, configs, anomalies);
  }

  private static boolean matches(DeviceInfo d, String id) {
    return d.id().equalsIgnoreCase(id)
        || id.equalsIgnoreCase(d.name())
        || id.equalsIgnoreCase(d.mac())
        || d.ips().contains(id);
  }
}
