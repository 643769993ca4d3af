package dev.regdoc.logs;

import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.Origin;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cisco IOS and ASA syslog messages, with the values each kind of message names. */
final class NetworkMessages {
  static final Pattern IOS_TAG = Pattern.compile("%([A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?)-([0-7])-([A-Z][A-Z0-9_]*) ?:\\s*");
  static final Pattern ASA_TAG = Pattern.compile("%(ASA|FTD|PIX)-([0-7])-(\\d{6}):\\s*");
  private static final Pattern DOTTED_MAC = Pattern.compile("\\b([0-9a-fA-F]{4})\\.([0-9a-fA-F]{4})\\.([0-9a-fA-F]{4})\\b");
  private static final Pattern COLON_MAC = Pattern.compile("\\b([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}\\b");
  private static final Pattern IFACE = Pattern.compile("\\b((?:GigabitEthernet|FastEthernet|TenGigabitEthernet|Ethernet|Port-channel|TwentyFiveGigE|"
      + "Gi|Fa|Te|Et|Po|Tw|Fo|Hu)\\d+(?:/\\d+)*(?:\\.\\d+)?)\\b");
  private static final Pattern IP = Pattern.compile("\\b(\\d{1,3}(?:\\.\\d{1,3}){3})\\b");
  private static final Pattern VLAN = Pattern.compile("\\b[Vv]lan (\\d+)");
  private static final Pattern STATE = Pattern.compile("changed state to (\\w+(?: \\w+)?)");
  private static final Pattern FLAP = Pattern.compile("flapping between port (\\S+) and port (\\S+)");
  private static final Pattern ASA_CONN = Pattern.compile("(Built|Teardown) (?:(inbound|outbound) )?(TCP|UDP|ICMP) connection (\\d+) for (\\S+?):(\\S+?)/(\\d+)"
      + "(?: \\([^)]*\\))?(?: \\([^)]*\\))? to (\\S+?):(\\S+?)/(\\d+)(?: \\([^)]*\\))?(?: \\([^)]*\\))?(?: duration (\\S+) bytes (\\d+))?(.*)$");
  private static final Pattern ASA_ARP = Pattern.compile("Received ARP (request|response) collision from (\\S+)/(\\S+) on interface (\\S+) with existing ARP entry (\\S+)/(\\S+)");
  private static final Pattern ASA_COLLISION = Pattern.compile("IP address collision detected between host (\\S+) at (\\S+) and interface (\\S+), (\\S+)");
  private static final Pattern ASA_INSPECT = Pattern.compile("(\\S+) flow from (\\S+):(\\S+)/(\\d+) to (\\S+):(\\S+)/(\\d+) terminated by inspection engine, reason - (.*)");

  private NetworkMessages() {}

  static NetworkLog ios(String record, Matcher tag, Origin origin, Times.Stamp time, String host) {
    String message = record.substring(tag.end()).trim();
    Map<String, String> f = new LinkedHashMap<>();
    mac(message, f);
    find(IFACE, message, "interface", f);
    find(IP, message, "ip", f);
    find(VLAN, message, "vlan", f);
    Matcher st = STATE.matcher(message);
    if (st.find()) {
      f.put("state", st.group(1));
    }
    Matcher flap = FLAP.matcher(message);
    if (flap.find()) {
      f.put("from_port", flap.group(1));
      f.put("to_port", flap.group(2));
    }
    if (time != null && (time.raw().startsWith("*") || time.raw().startsWith("."))) {
      f.put("clock_unsynchronised", "true");
    }
    return new NetworkLog(origin, time == null ? null : time.time(), time == null ? null : time.raw(), host, "IOS",
        tag.group(1), Integer.parseInt(tag.group(2)), tag.group(3), message, f);
  }

  static NetworkLog asa(String record, Matcher tag, Origin origin, Times.Stamp time, String host) {
    String message = record.substring(tag.end()).trim();
    Map<String, String> f = new LinkedHashMap<>();
    Matcher m;
    if ((m = ASA_CONN.matcher(message)).find()) {
      put(f, "action", m.group(1), "direction", m.group(2), "protocol", m.group(3), "connection", m.group(4),
          "src_interface", m.group(5), "src_ip", m.group(6), "src_port", m.group(7), "dst_interface", m.group(8),
          "dst_ip", m.group(9), "dst_port", m.group(10), "duration", m.group(11), "bytes", m.group(12));
      teardownReason(m.group(13).trim(), f);
    } else if ((m = ASA_ARP.matcher(message)).find()) {
      put(f, "arp", m.group(1), "ip", m.group(2), "mac", normal(m.group(3)), "interface", m.group(4), "existing_mac", normal(m.group(6)));
    } else if ((m = ASA_COLLISION.matcher(message)).find()) {
      put(f, "ip", m.group(1), "mac", normal(m.group(2)), "interface", m.group(3), "existing_mac", normal(m.group(4)));
    } else if ((m = ASA_INSPECT.matcher(message)).find()) {
      put(f, "protocol", m.group(1), "src_interface", m.group(2), "src_ip", m.group(3), "src_port", m.group(4),
          "dst_interface", m.group(5), "dst_ip", m.group(6), "dst_port", m.group(7), "reason", m.group(8).trim());
    } else {
      find(IP, message, "ip", f);
    }
    return new NetworkLog(origin, time == null ? null : time.time(), time == null ? null : time.raw(), host, "ASA",
        tag.group(1), Integer.parseInt(tag.group(2)), tag.group(3), message, f);
  }

  /** "TCP Reset-O from inside" or "TCP Reset - I": reason in the one spelling, initiator apart. */
  private static void teardownReason(String tail, Map<String, String> f) {
    if (tail.isEmpty()) {
      return;
    }
    String reason = tail;
    int from = tail.lastIndexOf(" from ");
    if (from > 0) {
      f.put("initiator", tail.substring(from + 6).trim());
      reason = tail.substring(0, from).trim();
    }
    reason = reason.replaceAll("\\(.*\\)$", "").trim().replaceAll("\\s*-\\s*([IO]|APPLIANCE)$", "-$1");
    f.put("reason", reason);
  }

  private static void mac(String message, Map<String, String> f) {
    Matcher d = DOTTED_MAC.matcher(message);
    if (d.find()) {
      f.put("mac", normal(d.group()));
      return;
    }
    Matcher c = COLON_MAC.matcher(message);
    if (c.find()) {
      f.put("mac", normal(c.group()));
    }
  }

  /** Any MAC spelling to lower-case colon form. */
  static String normal(String mac) {
    String hex = mac.replaceAll("[^0-9a-fA-F]", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 12) {
      return mac;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      sb.append(i > 0 ? ":" : "").append(hex, i, i + 2);
    }
    return sb.toString();
  }

  private static void find(Pattern p, String s, String key, Map<String, String> f) {
    Matcher m = p.matcher(s);
    if (m.find()) {
      f.put(key, m.group(1));
    }
  }

  private static void put(Map<String, String> f, String... kv) {
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        f.put(kv[i], kv[i + 1]);
      }
    }
  }
}
