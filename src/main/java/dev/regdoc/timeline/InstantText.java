package dev.regdoc.timeline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant as {@link Instant#toString()} writes it (ISO-8601 in UTC, the fraction in groups of
 * three digits), without the formatter's objects: a timeline of a large capture writes two of them
 * for each of its tens of thousands of events, nearly all on the same day.
 */
final class InstantText {
  /** 10000-01-01T00:00:00Z: beyond it the year needs a sign, left to {@link Instant#toString()}. */
  private static final long YEAR_10000 = 253_402_300_800L;

  private static final int SECONDS_PER_DAY = 86_400;

  /** The last day written and its "yyyy-MM-ddT": immutable, so shared across threads unlocked. */
  private record Day(long epochDay, char[] text) {}

  private static Day lastDay = new Day(Long.MIN_VALUE, new char[0]);

  private InstantText() {}

  /** Writes {@code t} into {@code out} (at least 30 chars) and returns the length written. */
  static int write(Instant t, char[] out) {
    long seconds = t.getEpochSecond();
    if (seconds < 0 || seconds >= YEAR_10000) {
      String s = t.toString();
      s.getChars(0, s.length(), out, 0);
      return s.length();
    }
    long epochDay = seconds / SECONDS_PER_DAY;
    int ofDay = (int) (seconds % SECONDS_PER_DAY);
    Day day = lastDay;
    if (day.epochDay() != epochDay) {
      day = new Day(epochDay, (LocalDate.ofEpochDay(epochDay) + "T").toCharArray());
      lastDay = day;
    }
    char[] date = day.text();
    System.arraycopy(date, 0, out, 0, date.length);
    int i = date.length;
    i = twoDigits(out, i, ofDay / 3600);
    out[i++] = ':';
    i = twoDigits(out, i, ofDay / 60 % 60);
    out[i++] = ':';
    i = twoDigits(out, i, ofDay % 60);
    int nano = t.getNano();
    if (nano > 0) {
      out[i++] = '.';
      // as many groups of three digits as the fraction needs
      int div = 100_000_000;
      for (int d = 0; nano > 0 || d % 3 != 0; d++) {
        int digit = nano / div;
        out[i++] = (char) ('0' + digit);
        nano -= digit * div;
        div /= 10;
      }
    }
    out[i++] = 'Z';
    return i;
  }

  /** {@code t} as {@link Instant#toString()} writes it. */
  static String of(Instant t) {
    char[] out = new char[40];
    return new String(out, 0, write(t, out));
  }

  private static int twoDigits(char[] out, int i, int value) {
    out[i] = (char) ('0' + value / 10);
    out[i + 1] = (char) ('0' + value % 10);
    return i + 2;
  }
}
