package dev.regdoc.timeline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Layer 2 and 3: ARP questions and answers, IP-to-MAC binding changes, which MAC a phone's frames
 * to its CUCM carry, ICMP unreachables, and SIP datagrams sent as IP fragments.
 */
public sealed interface AddressEvent extends EventDetails {

  /** An ARP packet or what ARP packets showed about one address. */
  sealed interface Arp extends AddressEvent {
    String ip();
  }

  /** Who has {@code ip}? asked by {@code from}. */
  record ArpRequest(String ip, String from, String fromMac) implements Arp, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.ARP_REQUEST;
    }

    @Override
    public String summary() {
      return "ARP request: who has " + ip + "? tell " + from;
    }
  }

  /**
   * {@code ip} is at {@code mac}, told to {@code to}.
   *
   * @param ethSrc the Ethernet source: another MAC than {@code mac} is a proxy answering
   */
  record ArpReply(String ip, String mac, String to, String ethSrc)
      implements Arp, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.ARP_REPLY;
    }

    @Override
    public String summary() {
      boolean proxied = ethSrc != null && !ethSrc.equals(mac);
      return "ARP reply: "
          + ip
          + " is at "
          + mac
          + " (to "
          + to
          + ")"
          + (proxied ? ", sent from " + ethSrc : "");
    }
  }

  record ArpGratuitous(String ip, String mac, String ethSrc) implements Arp, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.ARP_GRATUITOUS;
    }

    @Override
    public String summary() {
      return "Gratuitous ARP: " + ip + " is at " + mac;
    }
  }

  /**
   * {@code ip} moved from {@code previousMac} to {@code mac}.
   *
   * @param conflict more than one MAC has claimed the address in the capture
   */
  record ArpBindingChange(@JsonIgnore boolean conflict, String ip, String mac, String previousMac)
      implements Arp {
    @Override
    public EventKind kind() {
      return conflict ? EventKind.ARP_CONFLICT : EventKind.ARP_BINDING_CHANGE;
    }
  }

  /**
   * The MACs of a phone's frames to a CUCM, when first seen and whenever they change.
   *
   * @param previousDstMac the destination MAC before this change, null for the first sighting
   * @param vlan the 802.1Q VLAN, null when untagged
   */
  record MacPath(
      String srcIp,
      String dstIp,
      String srcMac,
      String dstMac,
      String previousDstMac,
      Integer vlan,
      int ttl)
      implements AddressEvent, SummarisedDetails {
    @Override
    public EventKind kind() {
      return EventKind.MAC_PATH;
    }

    @Override
    public String summary() {
      return "Frames from "
          + srcIp
          + " to "
          + dstIp
          + " go to MAC "
          + dstMac
          + (previousDstMac == null ? "" : " (was " + previousDstMac + ")")
          + (vlan == null ? "" : " on VLAN " + vlan);
    }
  }

  record IcmpUnreachable(String from, String to, int code, String protocol)
      implements AddressEvent {
    @Override
    public EventKind kind() {
      return EventKind.ICMP_UNREACHABLE;
    }
  }

  /**
   * A SIP datagram larger than the path MTU, seen by its first IP fragment (the frame of the
   * event).
   *
   * @param datagramBytes UDP payload size of the whole datagram
   * @param firstFragmentBytes UDP payload bytes in the first fragment
   */
  record IpFragmented(
      String srcIp, String dstIp, int dstPort, int datagramBytes, int firstFragmentBytes)
      implements AddressEvent {
    @Override
    public EventKind kind() {
      return EventKind.IP_FRAGMENTED;
    }
  }
}
