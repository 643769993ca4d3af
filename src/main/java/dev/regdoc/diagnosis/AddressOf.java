package dev.regdoc.diagnosis;

import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.SignalingPort;

/** Reads addresses and ports out of firewall log fields for the rules. */
public final class AddressOf {
  private AddressOf() {}

  /** The inside (phone side) address a log names, or "network". */
  public static String phoneOrNetwork(NetworkLog log) {
    for (String key : new String[] {"src_ip", "source_ip", "ip", "dst_ip"}) {
      String v = log.fields().get(key);
      if (v != null) {
        return v;
      }
    }
    return "network";
  }

  /** True when any port the log names is a SIP or SCCP signaling port. */
  public static boolean signaling(NetworkLog log) {
    for (var e : log.fields().entrySet()) {
      if (e.getKey().contains("port")) {
        try {
          if (SignalingPort.isSignaling(Integer.parseInt(e.getValue().trim()))) {
            return true;
          }
        } catch (NumberFormatException ignored) {
          // not a number: not a port
        }
      }
    }
    return false;
  }
}
