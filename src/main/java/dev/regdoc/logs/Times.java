package dev.regdoc.logs;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The time formats of CUCM, IOS and ASA logs, with their zones; years guessed from a clock when absent. */
final class Times {
  static final String MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  /** "Jul 02 2015 06:22:31.123 UTC" as CUCM writes it in the message body. */
  static final Pattern WITH_YEAR = Pattern.compile("(" + MONTHS + ") +(\\d{1,2}) (\\d{4}) (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(?: ([A-Z]{1,5}|[+-]\\d{2}:?\\d{2}))?");
  /** "*Sep 17 19:56:29.872 UTC" or "Jun  3 14:39:05" (IOS, RFC 3164 headers); optional year after the day. */
  static final Pattern NO_YEAR = Pattern.compile("([*.]?)(" + MONTHS + ") +(\\d{1,2})(?: (\\d{4}))? (\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(?: ([A-Z]{2,5}))?");
  /** RFC 5424 / ISO 8601. */
  static final Pattern ISO = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");

  private static final Map<String, String> ZONES = Map.ofEntries(
      Map.entry("UTC", "+00:00"), Map.entry("GMT", "+00:00"), Map.entry("Z", "+00:00"), Map.entry("JST", "+09:00"),
      Map.entry("KST", "+09:00"), Map.entry("IST", "+05:30"), Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"),
      Map.entry("BST", "+01:00"), Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"),
      Map.entry("CDT", "-05:00"), Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"), Map.entry("PST", "-08:00"),
      Map.entry("PDT", "-07:00"), Map.entry("AEST", "+10:00"), Map.entry("SGT", "+08:00"), Map.entry("HKT", "+08:00"));
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);

  /** A parsed time; {@code zoneKnown} false when none was written (UTC assumed). */
  record Stamp(OffsetDateTime time, String raw, boolean zoneKnown, int end) {}

  private final Clock clock;

  Times(Clock clock) {
    this.clock = clock;
  }

  Stamp withYear(String s) {
    Matcher m = WITH_YEAR.matcher(s);
    if (!m.find()) {
      return null;
    }
    LocalDateTime t = local(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5));
    return stamp(t, m.group(6), m.group(), m.end());
  }

  Stamp noYear(String s, int from) {
    Matcher m = NO_YEAR.matcher(s);
    if (!m.find(from) || m.start() > from + 40) {
      return null;
    }
    String year = m.group(4);
    LocalDateTime t = local(year == null ? String.valueOf(clock.instant().atOffset(ZoneOffset.UTC).getYear()) : year,
        m.group(2), m.group(3), m.group(5), m.group(6));
    if (year == null && t.isAfter(LocalDateTime.now(clock).plusDays(1))) {
      t = t.minusYears(1); // a line without a year is never in the future
    }
    return stamp(t, m.group(7), m.group(), m.end());
  }

  Stamp iso(String s) {
    Matcher m = ISO.matcher(s);
    if (!m.find() || m.start() > 40) {
      return null;
    }
    LocalDateTime t = LocalDateTime.parse(m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3)));
    return stamp(t, m.group(4), m.group(), m.end());
  }

  private static LocalDateTime local(String year, String month, String day, String hms, String frac) {
    int mon = MONTH.parse(month).get(java.time.temporal.ChronoField.MONTH_OF_YEAR);
    String[] p = hms.split(":");
    int nanos = frac == null ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
    return LocalDateTime.of(Integer.parseInt(year), mon, Integer.parseInt(day), Integer.parseInt(p[0]), Integer.parseInt(p[1]),
        Integer.parseInt(p[2]), nanos);
  }

  private static Stamp stamp(LocalDateTime t, String zone, String raw, int end) {
    String offset = zone == null ? null : ZONES.getOrDefault(zone, zone.matches("[+-]\\d{2}:?\\d{2}") ? zone : null);
    if (offset == null) {
      return new Stamp(t.atOffset(ZoneOffset.UTC), raw, false, end);
    }
    try {
      return new Stamp(t.atOffset(ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset)), raw, true, end);
    } catch (java.time.DateTimeException e) {
      return new Stamp(t.atOffset(ZoneOffset.UTC), raw, false, end);
    }
  }
}
