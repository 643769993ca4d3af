package dev.regdoc.signals;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.facts.ArpPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MAC's claims to one IP address in well-formed ARP frames (Ethernet source equal to the sender
 * MAC), counted once in Java so that rules about who claims what join on these few facts, not on
 * every ARP packet against every other (a router answering for thousands of hosts made that join
 * quadratic).
 *
 * @param claims how many frames of this MAC claimed the address
 * @param otherClaimants how many other MACs claimed the same address in well-formed frames
 * @param packets the frames of this MAC claiming it, for the evidence
 */
public record ArpClaim(
    String mac, String ip, int claims, int otherClaimants, List<ArpPacket> packets) {

  public ArpClaim {
    packets = List.copyOf(packets);
  }

  /** The earliest of the claiming frames (the first of them when several share its time). */
  public ArpPacket first() {
    return earliest(packets);
  }

  /**
   * The earliest of {@code packets} in time (the first of them when several share it; a packet
   * without a time gives way to any with one), null when there are none.
   */
  public static ArpPacket earliest(List<ArpPacket> packets) {
    ArpPacket first = packets.isEmpty() ? null : packets.get(0);
    for (ArpPacket p : packets) {
      if (p.origin().time() != null
          && (first.origin().time() == null || p.origin().time().isBefore(first.origin().time()))) {
        first = p;
      }
    }
    return first;
  }

  /**
   * One claim per (MAC, address) of the well-formed ARP packets among {@code facts}, in order of
   * first claim.
   */
  public static List<ArpClaim> of(List<?> facts) {
    Map<String, Map<String, List<ArpPacket>>> byIp = new LinkedHashMap<>();
    for (Object f : facts) {
      WorkLimit.checkpoint();
      if (f instanceof ArpPacket p
          && p.senderMac() != null
          && p.senderIp() != null
          && Objects.equals(p.senderMac(), p.ethSrcMac())) {
        byIp.computeIfAbsent(p.senderIp(), k -> new LinkedHashMap<>())
            .computeIfAbsent(p.senderMac(), k -> new ArrayList<>())
            .add(p);
      }
    }
    List<ArpClaim> claims = new ArrayList<>();
    byIp.forEach(
        (ip, byMac) ->
            byMac.forEach(
                (mac, packets) ->
                    claims.add(new ArpClaim(mac, ip, packets.size(), byMac.size() - 1, packets))));
    return claims;
  }
}
