package dev.regdoc.logs;

import java.time.DateTimeException;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the zone text of a syslog time ("UTC", "JST", "UTC+07:30", "+0900", "mdt") into an offset.
 * Abbreviations are fixed offsets: a syslog line says EDT or EST itself, so no DST rules are
 * needed. Ambiguous names (IST, BST) are deliberately absent and come back as unknown.
 */
final class ZoneNames {

  private static final Map<String, Integer> MINUTES =
      Map.ofEntries(
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("UT", 0),
          Map.entry("WET", 0),
          Map.entry("WEST", 60),
          Map.entry("CET", 60),
          Map.entry("CEST", 120),
          Map.entry("MET", 60),
          Map.entry("MEST", 120),
          Map.entry("EET", 120),
          Map.entry("EEST", 180),
          Map.entry("MSK", 180),
          Map.entry("SGT", 480),
          Map.entry("HKT", 480),
          Map.entry("AWST", 480),
          Map.entry("JST", 540),
          Map.entry("KST", 540),
          Map.entry("ACST", 570),
          Map.entry("AEST", 600),
          Map.entry("AEDT", 660),
          Map.entry("NZST", 720),
          Map.entry("NZDT", 780),
          Map.entry("EST", -300),
          Map.entry("EDT", -240),
          Map.entry("CST", -360),
          Map.entry("CDT", -300),
          Map.entry("MST", -420),
          Map.entry("MDT", -360),
          Map.entry("PST", -480),
          Map.entry("PDT", -420),
          Map.entry("AKST", -540),
          Map.entry("AKDT", -480),
          Map.entry("HST", -600));

  /** Regex alternation of the known names, for the timestamp pattern. */
  static final String KNOWN_ALTERNATION =
      "UTC|GMT|UT|WEST|WET|CEST|CET|MEST|MET|EEST|EET|MSK|SGT|HKT|AWST|JST|KST|ACST|AEST|AEDT|NZST|NZDT"
          + "|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|Z";

  private static final Pattern NAME_WITH_OFFSET =
      Pattern.compile("(?i)([A-Z]{1,5})?\\s*(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?");

  private ZoneNames() {}

  /** The offset, or null when the text names no zone this class knows. */
  static ZoneOffset offsetOf(String zone) {
    if (zone == null || zone.isBlank()) {
      return null;
    }
    Matcher m = NAME_WITH_OFFSET.matcher(zone.trim());
    if (!m.matches()) {
      return null;
    }
    int minutes = 0;
    if (m.group(1) != null) {
      Integer base = MINUTES.get(m.group(1).toUpperCase(Locale.ROOT));
      if (base == null) {
        return null;
      }
      minutes = base;
    }
    if (m.group(2) != null) {
      int delta =
          Integer.parseInt(m.group(3)) * 60
              + (m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
      minutes += "-".equals(m.group(2)) ? -delta : delta;
    } else if (m.group(1) == null) {
      return null;
    }
    try {
      return ZoneOffset.ofTotalSeconds(minutes * 60);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
