package dev.regdoc.facts;

/**
 * The Ethernet addresses that frames from one IP to another carried, emitted when first seen and
 * whenever they change. A phone sending to its CUCM's IP through a MAC that the CUCM never uses is
 * how proxy ARP shows up in a capture.
 *
 * @param vlan 802.1Q VLAN id, -1 when untagged
 * @param ttl IP TTL / hop limit of the frame
 * @param previousDstMac destination MAC used before this change, null for the first sighting
 */
public record MacPath(
    Origin origin,
    String srcIp,
    String dstIp,
    String srcMac,
    String dstMac,
    int vlan,
    int ttl,
    String previousDstMac)
    implements Fact {}
