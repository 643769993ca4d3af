package dev.regdoc.logs;

import dev.regdoc.facts.Macs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields of the ASA messages regdoc reasons about (format strings from the Cisco ASA syslog guide;
 * reference domain.md 6.3). "src" is the endpoint ASA writes after "for"/"from", "dst" the one
 * after "to"; for outbound connections ASA writes the outside (responding) side first.
 */
final class AsaFields {

  private static final String ENDPOINT =
      "(?<%1$sIf>[^\\s:]+):(?<%1$sIp>[^\\s/]+)/(?<%1$sPort>\\d+)";
  private static final String MAPPED =
      "(?:\\s*\\((?<%1$sMapIp>[^\\s/()]+)/(?<%1$sMapPort>\\d+)\\))?";
  private static final String IDENTITY = "(?:\\s*+\\([^)]*+\\))*+";
  private static final String MAC =
      "[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}|[0-9A-Fa-f:]{17}";
  private static final String IP = "[0-9A-Fa-f.:]+";

  private static final Pattern BUILT =
      Pattern.compile(
          "^Built (?<direction>inbound|outbound) (?<protocol>TCP|UDP|SCTP) connection (?<id>\\d+)"
              + " for "
              + endpoint("src")
              + mapped("src")
              + IDENTITY
              + " to "
              + endpoint("dst")
              + mapped("dst")
              + IDENTITY);
  private static final Pattern TEARDOWN =
      Pattern.compile(
          "^Teardown (?:Probe ?)?(?<protocol>TCP|UDP|SCTP) connection (?<id>\\d+) for "
              + endpoint("src")
              + IDENTITY
              + " to "
              + endpoint("dst")
              + IDENTITY
              + " duration (?<duration>\\d+:\\d{2}:\\d{2}) bytes"
              + " (?<bytes>\\d++)(?<tail>(?:\\s(?s:.*+))?+)$");
  private static final Pattern ARP_COLLISION =
      Pattern.compile(
          "Received ARP (?<kind>request|response) collision from (?<ip>"
              + IP
              + ")/(?<mac>"
              + MAC
              + ")"
              + " on interface (?<iface>\\S+) with existing ARP entry (?<existingIp>"
              + IP
              + ")/(?<existingMac>"
              + MAC
              + ")");
  private static final Pattern MAC_MISMATCH =
      Pattern.compile(
          "Received mac mismatch packet from (?<ip>"
              + IP
              + ")/(?<mac>\\S+) for authenticated host");
  private static final Pattern IP_COLLISION =
      Pattern.compile(
          "IP address collision detected between host (?<ip>"
              + IP
              + ") at (?<mac>"
              + MAC
              + ")"
              + " and interface (?<iface>[^\\s,]+),\\s*(?<existingMac>"
              + MAC
              + ")");
  private static final Pattern INSPECTION_TERMINATED =
      Pattern.compile(
          "^(?<protocol>\\S+) flow from "
              + endpoint("src")
              + " to "
              + endpoint("dst")
              + " terminated by inspection engine, reason - (?<reason>.*+)$");
  private static final Pattern DENY_BY_ACL =
      Pattern.compile(
          "^Deny (?<protocol>\\S+) src (?<srcIf>[^\\s:]+):(?<srcIp>[^\\s/]+)(?:/(?<srcPort>\\d+))?"
              + " dst (?<dstIf>[^\\s:]+):(?<dstIp>[^\\s/]+)(?:/(?<dstPort>\\d+))?(?: \\(type"
              + " (?<icmpType>\\d+), code (?<icmpCode>\\d+)\\))? by access-group"
              + " \"(?<acl>[^\"]+)\"");
  private static final Pattern ACL_HIT =
      Pattern.compile(
          "^access-list (?<acl>\\S+) (?<action>permitted|denied|est-allowed) (?<protocol>\\S+) "
              + "(?<srcIf>[^\\s/]+)/(?<srcIp>[^\\s(]+)\\((?<srcPort>\\d+)\\)(?:\\([^)]*\\))? -> "
              + "(?<dstIf>[^\\s/]+)/(?<dstIp>[^\\s(]+)\\((?<dstPort>\\d+)\\)(?:\\([^)]*\\))?"
              + "(?: hit-cnt (?<hits>\\d+))?");
  private static final Pattern SIP_PREALLOCATE =
      Pattern.compile(
          "^Pre-allocate SIP (?<kind>.+?) (?<protocol>UDP|TCP) secondary channel for"
              + " (?<srcIf>[^\\s:]+):(?<srcIp>[^\\s/]+)(?:/(?<srcPort>\\d+))? to"
              + " (?<dstIf>[^\\s:]+):(?<dstIp>[^\\s/]+?)(?:/(?<dstPort>\\d+))? from"
              + " (?<sipMessage>\\S+) message");

  /**
   * 106015: a TCP segment of a connection the firewall does not know (it timed out or was never
   * built), dropped: "Deny TCP (no connection) from 192.0.2.45/59200 to 198.51.100.10/5060 flags
   * PSH ACK on interface inside".
   */
  private static final Pattern DENY_NO_CONNECTION =
      Pattern.compile(
          "^Deny (?<protocol>TCP) \\(no connection\\) from (?<srcIp>[^\\s/]++)/(?<srcPort>\\d++)"
              + " to (?<dstIp>[^\\s/]++)/(?<dstPort>\\d++) flags (?<flags>(?:[A-Z]++ )++) *+on"
              + " interface (?<srcIf>\\S++)");

  private static final Pattern TCP_RESET = Pattern.compile("^TCP Reset\\s*+-\\s*+(\\S++)$");

  private static final List<String> ENDPOINT_GROUPS =
      List.of(
          "srcIf",
          "srcIp",
          "srcPort",
          "srcMapIp",
          "srcMapPort",
          "dstIf",
          "dstIp",
          "dstPort",
          "dstMapIp",
          "dstMapPort");

  private AsaFields() {}

  private static String endpoint(String side) {
    return String.format(ENDPOINT, side);
  }

  private static String mapped(String side) {
    return String.format(MAPPED, side);
  }

  /**
   * Fields for {@code message} (the text after "%ASA-6-302014: "); empty when the id is not
   * modelled.
   */
  static Map<String, String> extract(String messageId, String message) {
    Map<String, String> f = new LinkedHashMap<>();
    String text = message.strip();
    switch (messageId) {
      case "302013", "302015" -> connection(BUILT.matcher(text), f, false);
      case "302014", "302016" -> connection(TEARDOWN.matcher(text), f, true);
      case "405001" -> arp(ARP_COLLISION.matcher(text), f);
      case "405002" -> arp(MAC_MISMATCH.matcher(text), f);
      case "405003" -> arp(IP_COLLISION.matcher(text), f);
      case "507003" -> {
        flow(INSPECTION_TERMINATED.matcher(text), f, "reason");
        f.computeIfPresent("reason", (k, reason) -> withoutFinalStop(reason));
      }
      case "106023" -> flow(DENY_BY_ACL.matcher(text), f, "acl", "icmpType", "icmpCode");
      case "106015" -> {
        flow(DENY_NO_CONNECTION.matcher(text), f, "flags");
        f.computeIfPresent("flags", (k, flags) -> flags.strip());
      }
      case "106100" -> flow(ACL_HIT.matcher(text), f, "acl", "action", "hits");
      case "607001" -> flow(SIP_PREALLOCATE.matcher(text), f, "kind", "sipMessage");
      default -> {}
    }
    return f;
  }

  private static void connection(Matcher m, Map<String, String> f, boolean teardown) {
    if (!m.find()) {
      return;
    }
    f.put("connection_id", m.group("id"));
    f.put("protocol", m.group("protocol"));
    if (!teardown) {
      f.put("direction", m.group("direction"));
    }
    endpoints(m, f);
    if (teardown) {
      f.put("duration", m.group("duration"));
      put(f, "duration_seconds", seconds(m.group("duration")));
      f.put("bytes", m.group("bytes"));
      teardownTail(m.group("tail"), f);
    }
  }

  /**
   * "REASON [from INITIATOR] [(USER)]" after a teardown's byte count. Taken apart by hand: as a
   * regular expression (a lazy reason before optional groups, then blanks to the end) it backtracks
   * quadratically over a long run of blanks.
   */
  private static void teardownTail(String tail, Map<String, String> f) {
    String rest = tail.strip();
    String user = null;
    int close = rest.length() - 1;
    if (close > 0 && rest.charAt(close) == ')') {
      // the earliest "(" after a blank that the final ")" closes; a reason must remain before it
      for (int i = rest.lastIndexOf(')', close - 1) + 1; i < close; i++) {
        if (rest.charAt(i) == '(' && i > 0 && Character.isWhitespace(rest.charAt(i - 1))) {
          String before = rest.substring(0, i).stripTrailing();
          if (!before.isEmpty()) {
            user = rest.substring(i + 1, close);
            rest = before;
          }
          break;
        }
      }
    }
    String initiator = null;
    int lastBlank = lastWhitespace(rest);
    if (lastBlank > 0) {
      String beforeLast = rest.substring(0, lastBlank).stripTrailing();
      if (beforeLast.endsWith("from")
          && beforeLast.length() > 4
          && Character.isWhitespace(beforeLast.charAt(beforeLast.length() - 5))) {
        String reason = beforeLast.substring(0, beforeLast.length() - 4).stripTrailing();
        if (!reason.isEmpty()) {
          initiator = rest.substring(lastBlank + 1);
          rest = reason;
        }
      }
    }
    put(f, "reason", normaliseReason(rest));
    put(f, "initiator", initiator);
    put(f, "user", user);
  }

  private static int lastWhitespace(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The reason as ASA ends it: without the blanks and the one full stop at the end. */
  private static String withoutFinalStop(String reason) {
    String r = reason.stripTrailing();
    return r.endsWith(".") ? r.substring(0, r.length() - 1) : r;
  }

  private static void arp(Matcher m, Map<String, String> f) {
    if (!m.find()) {
      return;
    }
    f.put("ip", m.group("ip"));
    put(
        f,
        "mac",
        Macs.normalise(m.group("mac")) != null ? Macs.normalise(m.group("mac")) : m.group("mac"));
    if (hasGroup(m, "existingMac")) {
      put(f, "existing_mac", Macs.normalise(m.group("existingMac")));
    }
    if (hasGroup(m, "iface")) {
      f.put("interface", m.group("iface"));
    }
    if (hasGroup(m, "kind")) {
      f.put("arp", m.group("kind"));
    }
  }

  private static void flow(Matcher m, Map<String, String> f, String... extras) {
    if (!m.find()) {
      return;
    }
    if (hasGroup(m, "protocol")) {
      f.put("protocol", m.group("protocol"));
    }
    endpoints(m, f);
    for (String extra : extras) {
      if (hasGroup(m, extra)) {
        put(f, snake(extra), m.group(extra));
      }
    }
  }

  private static void endpoints(Matcher m, Map<String, String> f) {
    for (String g : ENDPOINT_GROUPS) {
      if (hasGroup(m, g)) {
        put(f, snake(g), m.group(g));
      }
    }
  }

  /**
   * "TCP Reset - I" (guide) and "TCP Reset-I" (real logs) are the same reason: keep the real-log
   * form.
   */
  static String normaliseReason(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    Matcher reset = TCP_RESET.matcher(reason.strip());
    return reset.matches() ? "TCP Reset-" + reset.group(1) : reason.strip();
  }

  /**
   * "h:mm:ss" in seconds, or null when the hours are too many to count (damaged; no connection
   * lasts that long).
   */
  private static String seconds(String hms) {
    String[] p = hms.split(":");
    try {
      return String.valueOf(
          Math.addExact(
              Math.multiplyExact(Long.parseLong(p[0]), 3600L),
              Long.parseLong(p[1]) * 60 + Long.parseLong(p[2])));
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static boolean hasGroup(Matcher m, String name) {
    try {
      return m.group(name) != null;
    } catch (IllegalArgumentException e) {
      return false; // this pattern has no such group
    }
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  /** srcIf -> src_interface, srcMapIp -> src_mapped_ip, icmpType -> icmp_type. */
  private static String snake(String group) {
    String s =
        group
            .replace("If", "_interface")
            .replace("MapIp", "_mapped_ip")
            .replace("MapPort", "_mapped_port");
    return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
