package dev.regdoc.facts;

/**
 * An ARP request or reply. MACs are lower-case colon separated.
 *
 * @param ethSrcMac the Ethernet source, which may differ from senderMac (proxies, spoofing)
 * @param gratuitous sender IP equals target IP (announcement)
 */
public record ArpPacket(
    Origin origin,
    boolean reply,
    String senderMac,
    String senderIp,
    String targetMac,
    String targetIp,
    String ethSrcMac,
    boolean gratuitous)
    implements Fact {}
