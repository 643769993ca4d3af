package dev.regdoc.ccmtrace;

import dev.regdoc.facts.TraceFile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Puts a date on a trace's times of day. Record lines carry the time only; the date is the file's
 * start date, plus one each time the time of day goes back past midnight (a fall of more than half
 * a day: lines two writers left a few milliseconds out of order are not a new day, and a line that
 * jumps more than half a day ahead is late from the day before).
 */
final class TraceClock {
  private static final int DAY = 24 * 3600 * 1000;
  private static final int HALF_DAY = DAY / 2;

  private final LocalDate start;
  private final ZoneOffset zone;
  private final TraceFile.Dating dating;
  private int days;
  private int lastMillis = -1;

  TraceClock(LocalDate start, ZoneOffset zone, TraceFile.Dating dating) {
    this.start = start;
    this.zone = zone;
    this.dating = dating;
  }

  ZoneOffset zone() {
    return zone;
  }

  TraceFile.Dating dating() {
    return dating;
  }

  /** The local date and time of a record written at {@code millis} after midnight. */
  LocalDateTime at(int millis) {
    if (lastMillis >= 0) {
      if (millis < lastMillis - HALF_DAY) {
        days++;
      } else if (millis > lastMillis + HALF_DAY && days > 0) {
        return on(days - 1, millis); // a late line from before midnight
      }
    }
    lastMillis = millis;
    return on(days, millis);
  }

  private LocalDateTime on(int day, int millis) {
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = start.plusDays(day);
    }
    return LocalDateTime.of(cachedDate, LocalTime.ofNanoOfDay(millis * 1_000_000L));
  }

  private int cachedDay = -1;
  private LocalDate cachedDate;

  Instant instant(LocalDateTime local) {
    return local.toInstant(zone);
  }
}
