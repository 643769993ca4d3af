package dev.regdoc.facts;

/**
 * A new IP to MAC binding learned from ARP (the first time a MAC claims an IP, or a change).
 *
 * @param previousMac the MAC that held the IP before, null for the first binding
 * @param conflict true when more than one MAC has claimed this IP in the capture
 */
public record ArpBinding(Origin origin, String ip, String mac, String previousMac, boolean conflict)
    implements Fact {}
