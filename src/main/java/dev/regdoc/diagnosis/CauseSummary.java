package dev.regdoc.diagnosis;

import java.time.Instant;
import java.util.List;

/**
 * One cause many devices share (a site outage), answered once instead of once per device: how many
 * devices, how many events, the time span, and the devices with the most events. The per-device
 * findings stay in the analysis for whoever asks for one device or for all.
 *
 * @param confidence the highest of the code's findings
 * @param first earliest evidence time, null when nothing was timed
 * @param topDevices most events first
 * @param rule the rule that asked for the summary
 */
public record CauseSummary(
    String code,
    Tier tier,
    double confidence,
    int devices,
    long events,
    Instant first,
    Instant last,
    List<DeviceEvents> topDevices,
    String rule) {

  public CauseSummary {
    topDevices = List.copyOf(topDevices);
  }

  /** One device of a summary and how many events it had. */
  public record DeviceEvents(String device, long events, Instant first) {}
}
