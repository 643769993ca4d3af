package dev.regdoc.signals;

import dev.regdoc.facts.SignalingPort;
import java.util.List;

/**
 * A phone found in the input, with the CUCMs it talked to.
 *
 * @param signaling how it signals, null when unknown
 */
public record Phone(
    String id, String mac, List<String> ips, List<String> servers, SignalingPort signaling) {
  public boolean hasIp(String ip) {
    return ips.contains(ip);
  }
}
