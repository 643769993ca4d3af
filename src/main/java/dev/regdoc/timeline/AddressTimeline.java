package dev.regdoc.timeline;

import dev.regdoc.facts.ArpBinding;
import dev.regdoc.facts.ArpPacket;
import dev.regdoc.facts.Endpoints;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.IcmpUnreachable;
import dev.regdoc.facts.IpFragment;
import dev.regdoc.facts.MacPath;
import dev.regdoc.timeline.event.AddressEvent;

/**
 * Layer 2 and 3 events: ARP questions and answers (with the Ethernet sender, which exposes a proxy
 * answering for someone else), IP-to-MAC binding changes and conflicts, which MAC the phone's
 * frames to its CUCM carry, ICMP unreachables, and SIP datagrams sent as IP fragments.
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
    facts.of(IpFragment.class).forEach(this::fragmented);
  }

  private void fragmented(IpFragment i) {
    Endpoints e = i.endpoints();
    events.add(
        i,
        deviceOf(e.srcIp(), e.dstIp()),
        "SIP datagram of "
            + i.datagramBytes()
            + " bytes from "
            + e.srcIp()
            + " to "
            + e.dstIp()
            + " sent as IP fragments ("
            + i.firstFragmentBytes()
            + " in the first)",
        new AddressEvent.IpFragmented(
            e.srcIp(), e.dstIp(), e.dstPort(), i.datagramBytes(), i.firstFragmentBytes()));
  }

  private void arp(ArpPacket a) {
    String device = deviceOf(a.senderIp(), a.targetIp());
    if (a.gratuitous()) {
      events.add(
          a, device, new AddressEvent.ArpGratuitous(a.senderIp(), a.senderMac(), a.ethSrcMac()));
    } else if (a.reply()) {
      events.add(
          a,
          device,
          new AddressEvent.ArpReply(a.senderIp(), a.senderMac(), a.targetIp(), a.ethSrcMac()));
    } else {
      events.add(a, device, new AddressEvent.ArpRequest(a.targetIp(), a.senderIp(), a.senderMac()));
    }
  }

  private void binding(ArpBinding b) {
    if (b.previousMac() == null) {
      return; // the first binding is already visible as the ARP packet itself
    }
    events.add(
        b,
        deviceOf(b.ip(), null),
        b.ip()
            + " moved from "
            + b.previousMac()
            + " to "
            + b.mac()
            + (b.conflict() ? ": more than one MAC claims this address" : ""),
        new AddressEvent.ArpBindingChange(b.conflict(), b.ip(), b.mac(), b.previousMac()));
  }

  private void macPath(MacPath p) {
    if (!directory.isServer(p.dstIp()) || !directory.isPhone(p.srcIp())) {
      return;
    }
    events.add(
        p,
        directory.deviceFor(p.srcIp()),
        new AddressEvent.MacPath(
            p.srcIp(),
            p.dstIp(),
            p.srcMac(),
            p.dstMac(),
            p.previousDstMac(),
            p.vlan() >= 0 ? p.vlan() : null,
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
        device,
        "ICMP unreachable (code " + i.code() + ") from " + i.reporterIp() + about,
        new AddressEvent.IcmpUnreachable(i.reporterIp(), i.toIp(), i.code(), i.protocol()));
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
