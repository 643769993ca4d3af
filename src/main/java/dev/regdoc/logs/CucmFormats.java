package dev.regdoc.logs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three shapes of CUCM alarm text (reference domain.md 6.1): the CiscoSyslog body after the tag
 * ("%[k=v][k=v]...: text", E1), the old RTMT pipe format ("CCM|DeviceUnregistered - ... Device
 * name.:X ...|<CLID::...>", E2) and the Windows Event Viewer text ("Error: Device
 * TransientConnection – ..." then "Label: value" lines, E3). The old formats' labels are mapped to
 * the E1 key names so that rules read one vocabulary (DeviceName, IPAddress, Reason, ...); labels
 * not in the map are kept as written.
 */
final class CucmFormats {

  /** Parsed alarm body: fields in line order and the free text. */
  record Body(Map<String, String> fields, String text) {}

  /** Parsed E2/E3 alarm: name, severity (-1 when the format has none) and body. */
  record OldFormatAlarm(String name, int severity, Body body, String prefix) {}

  private static final Pattern KV = Pattern.compile("\\G\\s*+\\[([^=\\]\\[]++)=([^\\]\\[]*+)\\]");
  private static final Pattern RTMT_START =
      Pattern.compile("(?:^|\\s)(?<app>[A-Z][A-Za-z]*)\\|(?<alarm>[A-Za-z][A-Za-z0-9]*)\\s+-\\s+");
  private static final Pattern WINDOWS_START =
      Pattern.compile(
          // the alarm name takes its blanks possessively and the dash must follow a blank: a lazy
          // name
          // before "\\s+-" rescans every run of blanks (quadratic on a long line)
          "^\\s*+(?<level>Error|Warning|Information|Informational|Critical|Alert|Emergency"
              + "|Notice|Debug):\\s*+(?<alarm>[A-Za-z][A-Za-z ]*+)"
              + "\\s*+(?<=\\s)[\u2013\u2014-]\\s++(?<text>.*+)$");
  private static final Pattern WINDOWS_LABEL_LINE =
      Pattern.compile("^\\s*+[A-Za-z][A-Za-z0-9 .()\\[\\]/_-]{0,60}:(?!:).*+$");
  private static final String OPTIONAL = "[\\[(]\\s*+optional\\s*+[\\])]";

  /**
   * Labels of the old formats, with their E1 key. Longest first so "Device IP address" beats "IP
   * address".
   */
  private static final Map<String, String> LABELS = labels();

  private static final Pattern LABEL =
      Pattern.compile(
          // every blank run and separator is taken possessively: each can match in one way only,
          // and
          // stacked "\\s*\\.?\\s*" that may share a run of blanks split it in quadratically many
          // ways
          "(?i)(?<![A-Za-z])(?<label>"
              + String.join("|", LABELS.keySet()).replace(" ", "\\s++")
              + ")"
              + "(?:\\s*+\\.?+\\s*+:?+\\s*+"
              + OPTIONAL
              + ")?\\s*+\\.?+\\s*+:(?!:)");

  /**
   * A value stops at the next '<' too, so an unclosed field is not rescanned from every later '<'.
   */
  private static final Pattern ANGLE_FIELD = Pattern.compile("<([A-Za-z]++)::([^<>]*+)>");

  private CucmFormats() {}

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("device ip address", "IPAddress");
    m.put("device mac address", "MACAddress");
    m.put("device description", "Description");
    m.put("device name", "DeviceName");
    m.put("device type", "DeviceType");
    m.put("device protocol", "Protocol");
    m.put("connecting port", "ConnectingPort");
    m.put("reason code", "Reason");
    m.put("ip address", "IPAddress");
    m.put("mac address", "MACAddress");
    m.put("description", "Description");
    m.put("protocol", "Protocol");
    m.put("app id", "AppID");
    m.put("cluster id", "ClusterID");
    m.put("node id", "NodeID");
    return m;
  }

  /** E1 body: "%[k=v] [k=v]...: text"; a body without a [k=v] list is kept whole as text. */
  static Body parseKeyValueBody(String afterTag) {
    String rest = afterTag.strip();
    if (rest.startsWith("%")) {
      rest = rest.substring(1);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = KV.matcher(rest);
    int end = 0;
    while (m.find()) {
      fields.put(m.group(1).strip(), m.group(2).strip());
      end = m.end();
    }
    if (fields.isEmpty()) {
      return new Body(fields, afterTag.strip());
    }
    String tail = rest.substring(end).strip();
    if (tail.startsWith(":")) {
      tail = tail.substring(1).strip();
    }
    return new Body(fields, tail);
  }

  static boolean isRtmtStart(String line) {
    return RTMT_START.matcher(line).find();
  }

  static boolean isWindowsEventStart(String line) {
    return WINDOWS_START.matcher(line).find();
  }

  static boolean isWindowsEventLabelLine(String line) {
    return WINDOWS_LABEL_LINE.matcher(line).matches();
  }

  /** E2, or null when {@code text} is not one. */
  static OldFormatAlarm parseRtmt(String text) {
    Matcher start = RTMT_START.matcher(text);
    if (!start.find()) {
      return null;
    }
    String rest = text.substring(start.end());
    int pipe = rest.indexOf('|');
    String labelled = pipe >= 0 ? rest.substring(0, pipe) : rest;
    Map<String, String> fields = new LinkedHashMap<>();
    String description = labelledFields(labelled, fields);
    if (pipe >= 0) {
      Matcher angle = ANGLE_FIELD.matcher(rest.substring(pipe + 1));
      while (angle.find()) {
        fields.putIfAbsent(angle.group(1), angle.group(2).strip());
      }
    }
    return new OldFormatAlarm(
        start.group("alarm"), -1, new Body(fields, description), text.substring(0, start.start()));
  }

  /** E3 from its physical lines, or null when the first line is not a Windows event start. */
  static OldFormatAlarm parseWindowsEvent(List<String> lines) {
    Matcher start = WINDOWS_START.matcher(lines.get(0));
    if (!start.find()) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      Matcher label = LABEL.matcher(line);
      if (label.lookingAt() || label.reset(line.stripLeading()).lookingAt()) {
        fields.put(
            keyFor(label.group("label")), line.stripLeading().substring(label.end()).strip());
      } else {
        int colon = line.indexOf(':');
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    String name = start.group("alarm").replace(" ", "");
    return new OldFormatAlarm(
        name,
        severityOfLevel(start.group("level")),
        new Body(fields, start.group("text").strip()),
        "");
  }

  /**
   * Splits "Device name.:X Device IP address.:Y ..." at the known labels; returns the text before
   * the first.
   */
  private static String labelledFields(String labelled, Map<String, String> fields) {
    Matcher m = LABEL.matcher(labelled);
    String key = null;
    int valueStart = 0;
    String before = labelled.strip();
    boolean first = true;
    while (m.find()) {
      if (first) {
        before = labelled.substring(0, m.start()).strip();
        first = false;
      } else {
        fields.put(key, labelled.substring(valueStart, m.start()).strip());
      }
      key = keyFor(m.group("label"));
      valueStart = m.end();
    }
    if (key != null) {
      fields.put(key, labelled.substring(valueStart).strip());
    }
    return before;
  }

  private static String keyFor(String label) {
    return LABELS.getOrDefault(label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), label);
  }

  /** Windows event levels to syslog severities. */
  private static int severityOfLevel(String level) {
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "emergency" -> 0;
      case "alert" -> 1;
      case "critical" -> 2;
      case "error" -> 3;
      case "warning" -> 4;
      case "notice" -> 5;
      case "information", "informational" -> 6;
      default -> 7;
    };
  }
}
