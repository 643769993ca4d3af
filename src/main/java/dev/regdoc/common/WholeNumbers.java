package dev.regdoc.common;

import java.util.OptionalLong;

/**
 * Whole numbers a person typed (a case or step number, a setting), read without ever throwing:
 * anything that is not ASCII digits, or lies outside the range, is simply no number. Twenty digits
 * or ten thousand cost the same.
 */
public final class WholeNumbers {
  /** Long.MAX_VALUE has 19 digits: a longer run of digits is out of range whatever it says. */
  private static final int MAX_DIGITS = 19;

  private WholeNumbers() {}

  /**
   * The number {@code s} (surrounding blanks allowed) when it lies in {@code [min, max]}; empty
   * otherwise.
   */
  public static OptionalLong within(String s, long min, long max) {
    if (s == null) {
      return OptionalLong.empty();
    }
    String digits = s.strip();
    if (digits.isEmpty()
        || digits.length() > MAX_DIGITS
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(digits);
      return n >= min && n <= max ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) { // 19 digits above Long.MAX_VALUE
      return OptionalLong.empty();
    }
  }

  /**
   * {@code s} to show back to the person: its first 20 characters, with an ellipsis when there were
   * more.
   */
  public static String echo(String s) {
    String t = s == null ? "" : s.strip();
    return t.length() <= 20 ? t : t.substring(0, 20) + "…";
  }
}
