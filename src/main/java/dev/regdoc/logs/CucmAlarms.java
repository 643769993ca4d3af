package dev.regdoc.logs;

import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.Origin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CUCM alarms in their three shapes: the CiscoSyslog/remote-syslog line with a %TAG and [key=value]
 * list, the old RTMT "CCM|Alarm - text. Key.:value ..." line, and the Windows Event Viewer block.
 */
final class CucmAlarms {
  static final Pattern TAG = Pattern.compile("%((?:UC|CCM)_[A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)?)-([0-7])-([A-Za-z][A-Za-z0-9_]*):");
  private static final Pattern KV = Pattern.compile("\\[([^=\\]\\[]+)=([^\\]]*)\\]");
  private static final Pattern OLD_KEYS = Pattern.compile(
      "(Device name|Device IP address|Device IPv6 address|Device MAC address|Device type|Device description|Reason Code|App ID|Cluster ID|Node ID|Protocol|Connecting Port)"
          + "\\.?\\s*(?:\\((?:Optional|String|Enum|UInt)\\)|\\[Optional\\])?\\s*\\.?\\s*(?:\\((?:Optional|String|Enum|UInt)\\)|\\[Optional\\])?\\.?\\s*:");
  private static final Map<String, String> OLD_NAMES = Map.ofEntries(
      Map.entry("Device name", "DeviceName"), Map.entry("Device IP address", "IPAddress"), Map.entry("Device IPv6 address", "IPV6Address"),
      Map.entry("Device MAC address", "MACAddress"), Map.entry("Device type", "DeviceType"), Map.entry("Device description", "Description"),
      Map.entry("Reason Code", "Reason"), Map.entry("App ID", "AppID"), Map.entry("Cluster ID", "ClusterID"), Map.entry("Node ID", "NodeID"),
      Map.entry("Protocol", "Protocol"), Map.entry("Connecting Port", "ConnectingPort"));
  private static final Pattern HOST_BEFORE_BODY_TIME = Pattern.compile("(\\S+)\\s+" + Times.MONTHS + " +\\d{1,2} \\d{4} ");
  private static final Pattern OLD_LINE = Pattern.compile("^CCM\\|(\\w+) - ([^|]*?)(?:\\|(.*))?$");
  private static final Pattern WINDOWS_HEAD = Pattern.compile("^(Error|Warning|Information|Informational):\\s*Device ?(\\w+)\\s*[-\u2013]\\s*(.*)$");

  private CucmAlarms() {}

  /** The tagged form; {@code record} is the joined logical line. */
  static CucmAlarm tagged(String record, Matcher tag, Origin origin, Times.Stamp time) {
    Map<String, String> fields = new LinkedHashMap<>();
    String rest = record.substring(tag.end());
    Matcher kv = KV.matcher(rest);
    int lastEnd = 0;
    while (kv.find()) {
      fields.put(kv.group(1).trim(), kv.group(2).trim());
      lastEnd = kv.end();
    }
    String text = rest.substring(lastEnd).replaceFirst("^\\s*:\\s*", "").trim();
    String host = host(record.substring(0, tag.start()));
    return new CucmAlarm(origin, time == null ? null : time.time(), time == null ? null : time.raw(), host, tag.group(1),
        Integer.parseInt(tag.group(2)), tag.group(3), fields, text);
  }

  /** The RTMT pipe form, or null. */
  static CucmAlarm oldRtmt(String record, Origin origin) {
    Matcher m = OLD_LINE.matcher(record.trim());
    if (!m.matches()) {
      return null;
    }
    String body = m.group(2);
    int first = firstKey(body);
    String text = first < 0 ? body : body.substring(0, first).trim();
    return new CucmAlarm(origin, null, null, null, "CCM", 4, m.group(1), oldFields(body), text);
  }

  /** The Windows Event Viewer block (first line "Error: Device TransientConnection - ..."), or null. */
  static CucmAlarm windows(String record, Origin origin) {
    String[] lines = record.split("\n");
    Matcher m = WINDOWS_HEAD.matcher(lines[0].trim());
    if (!m.matches()) {
      return null;
    }
    int severity = switch (m.group(1)) {
      case "Error" -> 3;
      case "Warning" -> 4;
      default -> 6;
    };
    return new CucmAlarm(origin, null, null, null, "CCM", severity, "Device" + m.group(2), oldFields(record), m.group(3).trim());
  }

  private static int firstKey(String body) {
    Matcher k = OLD_KEYS.matcher(body);
    return k.find() ? k.start() : -1;
  }

  /** "Key.: value Key2 [Optional].: value2" into a map; values run to the next known key. */
  static Map<String, String> oldFields(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher k = OLD_KEYS.matcher(body);
    String key = null;
    int valueStart = 0;
    while (k.find()) {
      if (key != null) {
        fields.put(OLD_NAMES.get(key), value(body.substring(valueStart, k.start())));
      }
      key = k.group(1);
      valueStart = k.end();
    }
    if (key != null) {
      fields.put(OLD_NAMES.get(key), value(body.substring(valueStart).split("\n")[0]));
    }
    return fields;
  }

  /** A value, without the "(Optional):" some versions write after the key's colon. */
  private static String value(String raw) {
    return raw.trim().replaceFirst("^[(\\[](?:Optional|String|Enum|UInt)[)\\]]\\s*:\\s*", "").trim();
  }

  private static String host(String prefix) {
    Matcher m = HOST_BEFORE_BODY_TIME.matcher(prefix);
    String host = null;
    while (m.find()) {
      host = m.group(1);
    }
    return host != null && !host.matches("\\d+:?") ? host.replaceAll(":$", "") : null;
  }
}
