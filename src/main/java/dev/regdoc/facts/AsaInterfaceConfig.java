package dev.regdoc.facts;

/**
 * An ASA interface with its proxy-ARP state: proxy ARP is on unless "sysopt noproxyarp NAMEIF" is
 * set.
 *
 * @param ip address and mask as written, null when none
 */
public record AsaInterfaceConfig(
    Origin origin, String host, String interfaceName, String nameif, String ip, boolean proxyArp)
    implements Fact {

  /** The address part of "ip mask" as written in the configuration ("192.0.2.1 255.255.255.0"). */
  public static String addressOf(String ipAndMask) {
    return ipAndMask == null ? null : ipAndMask.strip().split("\\s+")[0];
  }
}
