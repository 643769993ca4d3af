package dev.regdoc.signals;

import java.util.List;

/** A phone found in the input, with the CUCMs it talked to. */
public record Phone(
    String id, String mac, List<String> ips, List<String> servers, String protocol) {
  public boolean hasIp(String ip) {
    return ips.contains(ip);
  }
}
