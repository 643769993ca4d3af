package dev.regdoc.timeline;

import static dev.regdoc.timeline.Events.details;

import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.IcmpUnreachable;
import dev.regdoc.facts.MacPath;
import dev.regdoc.timeline.event.EventKind;

/**
 * Layer 2 and 3 events: ARP questions and answers (with the Ethernet sender, which exposes a proxy
 * answering for someone else), IP-to-MAC binding changes and conflicts, which MAC the phone's
 * frames to its CUCM carry, and ICMP unreachables.
 */
final class AddressTimeline {
  static final String NETWORK = "network";

  private final DeviceDirectory directory;
  private final Events events;

  AddressTimeline(DeviceDirectory directory, Events events) {
    this.directory = directory;
    this.events = events;
  }

  void add(FactCollector facts) {
    facts.of(ArpPacket.class).forEach(this::arp);
    facts.of(ArpBinding.class).forEach(this::binding);
    facts.of(MacPath.class).forEach(this::macPath);
    facts.of(IcmpUnreachable.class).forEach(this::icmp);
  }

  private void arp(ArpPacket a) {
    String device = deviceOf(a.senderIp(), a.targetIp());
    if (a.gratuitous()) {
      events.add(
          a,
          EventKind.ARP_GRATUITOUS,
          device,
          "Gratuitous ARP: " + a.senderIp() + " is at " + a.senderMac(),
          details("ip", a.senderIp(), "mac", a.senderMac(), "ethSrc", a.ethSrcMac()));
    } else if (a.reply()) {
      boolean proxied = a.ethSrcMac() != null && !a.ethSrcMac().equals(a.senderMac());
      events.add(
          a,
          EventKind.ARP_REPLY,
          device,
          "ARP reply: "
              + a.senderIp()
              + " is at "
              + a.senderMac()
              + " (to "
              + a.targetIp()
              + ")"
              + (proxied ? ", sent from " + a.ethSrcMac() : ""),
          details(
              "ip",
              a.senderIp(),
              "mac",
              a.senderMac(),
              "to",
              a.targetIp(),
              "ethSrc",
              a.ethSrcMac()));
    } else {
      events.add(
          a,
          EventKind.ARP_REQUEST,
          device,
          "ARP request: who has " + a.targetIp() + "? tell " + a.senderIp(),
          details("ip", a.targetIp(), "from", a.senderIp(), "fromMac", a.senderMac()));
    }
  }

  private void binding(ArpBinding b) {
    if (b.previousMac() == null) {
      return; // the first binding is already visible as the ARP packet itself
    }
    EventKind kind = b.conflict() ? EventKind.ARP_CONFLICT : EventKind.ARP_BINDING_CHANGE;
    events.add(
        b,
        kind,
        deviceOf(b.ip(), null),
        b.ip()
            + " moved from "
            + b.previousMac()
            + " to "
            + b.mac()
            + (b.conflict() ? ": more than one MAC claims this address" : ""),
        details("ip", b.ip(), "mac", b.mac(), "previousMac", b.previousMac()));
  }

  private void macPath(MacPath p) {
    if (!directory.isServer(p.dstIp()) || !directory.isPhone(p.srcIp())) {
      return;
    }
    String change = p.previousDstMac() == null ? "" : " (was " + p.previousDstMac() + ")";
    events.add(
        p,
        EventKind.MAC_PATH,
        directory.deviceFor(p.srcIp()),
        "Frames from "
            + p.srcIp()
            + " to "
            + p.dstIp()
            + " go to MAC "
            + p.dstMac()
            + change
            + (p.vlan() >= 0 ? " on VLAN " + p.vlan() : ""),
        details(
            "srcIp",
            p.srcIp(),
            "dstIp",
            p.dstIp(),
            "srcMac",
            p.srcMac(),
            "dstMac",
            p.dstMac(),
            "previousDstMac",
            p.previousDstMac(),
            "vlan",
            p.vlan() >= 0 ? p.vlan() : null,
            "ttl",
            p.ttl()));
  }

  private void icmp(IcmpUnreachable i) {
    String about = i.about() == null ? "" : " about " + i.about();
    String device =
        i.about() == null
            ? deviceOf(i.toIp(), null)
            : deviceOf(i.about().srcIp(), i.about().dstIp());
    events.add(
        i,
        EventKind.ICMP_UNREACHABLE,
        device,
        "ICMP unreachable (code " + i.code() + ") from " + i.reporterIp() + about,
        details(
            "from", i.reporterIp(), "to", i.toIp(), "code", i.code(), "protocol", i.protocol()));
  }

  private String deviceOf(String ip1, String ip2) {
    if (ip1 != null && directory.isPhone(ip1)) {
      return directory.deviceFor(ip1);
    }
    if (ip2 != null && directory.isPhone(ip2)) {
      return directory.deviceFor(ip2);
    }
    return NETWORK;
  }
}
