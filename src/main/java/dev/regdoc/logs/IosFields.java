package dev.regdoc.logs;

import dev.regdoc.facts.Macs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls what an IOS message names into lower-case fields: mac, interface, ip, vlan, state, and for
 * %SW_MATM-4-MACFLAP_NOTIF from_port/to_port, for %PM-4-ERR_DISABLE the err-disable reason. "ip" is
 * the first IPv4 address in the message (for ACL logs, the source).
 */
final class IosFields {

  /**
   * Interface names as IOS writes them: Gi1/0/3, GigabitEthernet0/0, Port-channel1, Vlan10,
   * Fa0/1.100. Possessive: a greedy group loop recurses once per "/1", so a long run of them
   * overflowed the stack.
   */
  static final String IFNAME =
      "[A-Z][A-Za-z]*+(?:-[A-Za-z]++)?\\d++(?:/\\d++)*+(?:\\.\\d++)?(?::\\d++)?";

  private static final Pattern INTERFACE =
      Pattern.compile("(?i:interface|port)\\s+(" + IFNAME + ")(?![\\w/])");
  private static final Pattern ON_INTERFACE =
      Pattern.compile("\\bon\\s+(" + IFNAME + ")(?![\\w/])");
  private static final Pattern MACFLAP =
      Pattern.compile(
          "Host\\s+(?<mac>\\S+)\\s+in\\s+vlan\\s+(?<vlan>\\d+)\\s+is\\s+flapping\\s+between\\s+port\\s+"
              + "(?<from>\\S+?)\\s+and\\s+port\\s+(?<to>[^\\s,]+)");
  private static final Pattern VLAN = Pattern.compile("(?i)\\bvlan\\s*(\\d{1,4})\\b");
  private static final Pattern STATE =
      Pattern.compile("changed state to (administratively down|up|down|testing)");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\d.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\d.]*\\d)");
  private static final Pattern ERR_DISABLE_REASON = Pattern.compile("^\\s*(\\S+) error detected");

  private IosFields() {}

  static Map<String, String> extract(CiscoTag tag, String message, boolean unsynchronised) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher flap = MACFLAP.matcher(message);
    if (flap.find()) {
      putIfPresent(fields, "mac", Macs.normalise(flap.group("mac")));
      fields.put("vlan", flap.group("vlan"));
      fields.put("from_port", flap.group("from"));
      fields.put("to_port", flap.group("to"));
    } else {
      putIfPresent(fields, "mac", Macs.firstIn(message));
      putIfPresent(fields, "interface", interfaceIn(message));
      putIfPresent(fields, "vlan", firstGroup(VLAN, message));
    }
    putIfPresent(fields, "ip", firstGroup(IPV4, message));
    putIfPresent(fields, "state", firstGroup(STATE, message));
    if (tag.mnemonic().equals("ERR_DISABLE")) {
      putIfPresent(fields, "reason", firstGroup(ERR_DISABLE_REASON, message));
    }
    if (unsynchronised) {
      fields.put("clock_unsynchronised", "true");
    }
    return fields;
  }

  private static String interfaceIn(String message) {
    String named = firstGroup(INTERFACE, message);
    return named != null ? named : firstGroup(ON_INTERFACE, message);
  }

  private static String firstGroup(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static void putIfPresent(Map<String, String> fields, String key, String value) {
    if (value != null) {
      fields.put(key, value);
    }
  }
}
