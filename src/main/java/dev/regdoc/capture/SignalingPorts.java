package dev.regdoc.capture;

import dev.regdoc.facts.Protocol;
import dev.regdoc.facts.SignalingPort;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which ports carry what. Defaults are Cisco's well-known {@link SignalingPort}s; extra SIP ports
 * can be added for registrars on other ports.
 */
public record SignalingPorts(
    Set<Integer> sip, Set<Integer> sipTls, Set<Integer> sccp, Set<Integer> sccpTls) {

  public static SignalingPorts defaults() {
    return new SignalingPorts(
        SignalingPort.numbers(Protocol.SIP, false),
        SignalingPort.numbers(Protocol.SIP, true),
        SignalingPort.numbers(Protocol.SCCP, false),
        SignalingPort.numbers(Protocol.SCCP, true));
  }

  public SignalingPorts withExtraSip(Set<Integer> extra) {
    Set<Integer> all = new TreeSet<>(sip);
    all.addAll(extra);
    return new SignalingPorts(Set.copyOf(all), sipTls, sccp, sccpTls);
  }

  boolean isSip(int port) {
    return sip.contains(port);
  }

  boolean isSccp(int port) {
    return sccp.contains(port);
  }

  boolean isTls(int port) {
    return sipTls.contains(port) || sccpTls.contains(port);
  }

  boolean isSignaling(int port) {
    return isSip(port) || isSccp(port) || isTls(port);
  }

  /**
   * libpcap filter keeping signaling, ARP and ICMP unreachable; everything else never crosses JNA.
   */
  String bpf(boolean ethernet) {
    TreeSet<Integer> ports = new TreeSet<>();
    ports.addAll(sip);
    ports.addAll(sipTls);
    ports.addAll(sccp);
    ports.addAll(sccpTls);
    String portExpr = ports.stream().map(p -> "port " + p).collect(Collectors.joining(" or "));
    String core =
        "((tcp or udp) and ("
            + portExpr
            + ")) or arp"
            + " or (icmp and icmp[icmptype] == icmp-unreach) or (icmp6 and ip6[40] == 1)"
            // the first fragment of a UDP datagram over IPv6: `udp` alone does not look past the
            // Fragment header (next header 44); the decoder checks its ports
            + " or (ip6 and ip6[6] == 44 and ip6[40] == 17 and (ip6[42:2] & 0xfff8) == 0)";
    if (!ethernet) {
      return core;
    }
    // 802.1Q-tagged voice VLAN frames, and ARP in 802.2 LLC/SNAP framing, need their own clauses
    String snapArp = "(ether[12:2] < 0x0600 and ether[14:2] == 0xaaaa and ether[20:2] == 0x0806)";
    return "(" + core + ") or " + snapArp + " or (vlan and (" + core + "))";
  }
}
