package dev.regdoc.charts;

import dev.regdoc.timeline.DeviceInfo;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineEvent;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the timeline and the ladder of one device both start from: the device's dated events, its
 * addresses, and which captures' clocks count, so that both pictures pick the same events and the
 * same reference.
 */
abstract class DeviceSceneBuilder {
  final Timeline timeline;
  final DeviceInfo device;
  final Labels labels;
  final List<TimelineEvent> events;
  final Set<String> phoneIps;

  /** The capture whose clock the pictures use. */
  final String reference;

  /** The capture taken nearest the phone: its lanes come first and are where gaps are drawn. */
  final String phoneSide;

  /** The device's CUCMs in first-contact order ({@link Scenes#servers}). */
  final List<String> servers;

  /** The CUCM of its first registration ({@link Scenes#primary}), or null. */
  final String primary;

  DeviceSceneBuilder(Timeline timeline, DeviceInfo device, Labels labels) {
    this.timeline = timeline;
    this.device = device;
    this.labels = labels;
    this.events =
        timeline.events().stream()
            .filter(e -> e.device().equals(device.id()) && e.time() != null)
            .toList();
    this.phoneIps = Set.copyOf(device.ips());
    this.reference = Scenes.referenceFile(timeline, events);
    this.phoneSide =
        timeline.clockOffsets().stream()
            .map(o -> o.phoneSide())
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(reference);
    this.servers = Scenes.servers(device, events, phoneIps);
    this.primary = Scenes.primary(events, servers);
  }

  /**
   * The timeline's device {@code id}, or one known by its id alone (its pictures then have only its
   * events).
   */
  static DeviceInfo device(Timeline t, String id) {
    return t.devices().stream()
        .filter(d -> d.id().equals(id))
        .findFirst()
        .orElse(new DeviceInfo(id, null, null, List.of(), List.of(), null));
  }
}
