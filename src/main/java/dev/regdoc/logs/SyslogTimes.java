package dev.regdoc.logs;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and parses the timestamps Cisco devices and syslog relays write: "Jul 02 2015 06:22:31
 * UTC", "*Sep 17 19:56:29.872", "Aug 12 2023 12:14:24.412 mdt", "2024-10-11T10:15:31.208321-05:00",
 * "May 6 16:13:09.123 UTC+07:30". A line may carry several (relay header, then the device's own);
 * the message's own time is the last one before the message tag.
 */
final class SyslogTimes {

  private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final String ZONE =
      "(?<zone>\\s*(?i:(?:"
          + ZoneNames.KNOWN_ALTERNATION
          + ")(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?)(?![A-Za-z])"
          + "|\\s*[+-]\\d{2}:?\\d{2}(?![\\d:])"
          // an unknown name counts as a zone only in the IOS position "time ZONE:"
          + "|\\s+[A-Za-z]{2,6}(?=\\s*:))";
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?<flag>[*.])?(?:(?<isoDate>\\d{4}-\\d{2}-\\d{2})[T"
              + " ](?<isoTime>\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)"
              + "(?<isoZone>Z|[+-]\\d{2}:?\\d{2})?|(?:(?<yearFirst>\\d{4})\\s+)?(?<mon>"
              + MONTH
              + ")\\s+(?<day>\\d{1,2})(?:,?\\s+(?<year>\\d{4}))?"
              + "\\s+(?<hms>\\d{1,2}:\\d{2}:\\d{2})(?<frac>\\.\\d{1,9})?"
              + ZONE
              + "?"
              + ")");

  /**
   * IOS without "service timestamps ... datetime": uptime such as 00:00:46 or 1d02h, then the tag.
   */
  private static final Pattern UPTIME =
      Pattern.compile(
          "(?<![\\d:])(\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?|\\d+[wy]\\d+[dw]|\\d+d\\d+h)\\s*:\\s*$");

  /**
   * Accept a line up to a day ahead of the reference clock: devices and relays disagree on clocks.
   */
  private static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private final Clock clock;

  SyslogTimes(Clock clock) {
    this.clock = clock;
  }

  /** The last timestamp in {@code text}, or null when there is none. */
  FoundTime lastIn(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    FoundTime last = null;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      last = toFoundTime(m);
      from = Math.max(m.end(), m.start() + 1);
    }
    return last;
  }

  /** The first timestamp in {@code text}, or null. */
  FoundTime firstIn(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    return m.find() ? toFoundTime(m) : null;
  }

  /** True when {@code text} starts (after an optional "seq:" and blanks) with a timestamp. */
  boolean startsWithTimestamp(String text) {
    Matcher m = TIMESTAMP.matcher(text);
    String head = text.stripLeading().replaceFirst("^\\d+:\\s*", "");
    return m.reset(head).lookingAt();
  }

  /** An uptime stamp right before the end of {@code prefix} (the text before the tag), or null. */
  String uptimeAtEnd(String prefix) {
    Matcher m = UPTIME.matcher(prefix);
    return m.find() ? m.group(1) : null;
  }

  private FoundTime toFoundTime(Matcher m) {
    boolean unsync = m.group("flag") != null;
    String raw = m.group();
    if (m.group("isoDate") != null) {
      return isoTime(m, raw, unsync);
    }
    String zoneText = m.group("zone") == null ? null : m.group("zone").trim();
    ZoneOffset offset = ZoneNames.offsetOf(zoneText);
    OffsetDateTime time = null;
    try {
      Month month = monthOf(m.group("mon"));
      int day = Integer.parseInt(m.group("day"));
      LocalTime clockTime =
          LocalTime.parse(
              padHour(m.group("hms")) + (m.group("frac") == null ? "" : m.group("frac")));
      ZoneOffset effective = offset == null ? ZoneOffset.UTC : offset;
      String year = m.group("year") != null ? m.group("year") : m.group("yearFirst");
      if (year != null) {
        time =
            OffsetDateTime.of(
                LocalDate.of(Integer.parseInt(year), month, day), clockTime, effective);
      } else {
        time = inferYear(month, day, clockTime, effective);
      }
    } catch (DateTimeException | NumberFormatException e) {
      time = null; // "Feb 30" or 25:00:00: keep the text, drop the time
    }
    return new FoundTime(raw, m.start(), m.end(), time, zoneText, offset != null, unsync);
  }

  private static FoundTime isoTime(Matcher m, String raw, boolean unsync) {
    String zoneText = m.group("isoZone");
    ZoneOffset offset = zoneText == null ? null : ZoneNames.offsetOf(zoneText);
    OffsetDateTime time;
    try {
      LocalDateTime local = LocalDateTime.parse(m.group("isoDate") + "T" + m.group("isoTime"));
      time = OffsetDateTime.of(local, offset == null ? ZoneOffset.UTC : offset);
    } catch (DateTimeException e) {
      time = null;
    }
    return new FoundTime(raw, m.start(), m.end(), time, zoneText, offset != null, unsync);
  }

  /** The year that does not put the line in the future, relative to the reference clock. */
  private OffsetDateTime inferYear(Month month, int day, LocalTime time, ZoneOffset offset) {
    int year = OffsetDateTime.now(clock).withOffsetSameInstant(offset).getYear();
    OffsetDateTime latestAllowed = OffsetDateTime.now(clock).plus(FUTURE_SLACK);
    for (int candidate = year + 1; candidate >= year - 4; candidate--) {
      if (month == Month.FEBRUARY && day == 29 && !Year.isLeap(candidate)) {
        continue;
      }
      OffsetDateTime t = OffsetDateTime.of(LocalDate.of(candidate, month, day), time, offset);
      if (!t.isAfter(latestAllowed)) {
        return t;
      }
    }
    return null;
  }

  private static Month monthOf(String name) {
    for (Month month : Month.values()) {
      if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return month;
      }
    }
    throw new DateTimeException("not a month: " + name);
  }

  private static String padHour(String hms) {
    return hms.indexOf(':') == 1 ? "0" + hms : hms;
  }
}
