package dev.regdoc.common;

import java.util.Map;

/**
 * Typed reads of string settings (flat config keys, environment variables) whose errors name the
 * key and the value.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /**
   * The whole number under {@code key} within {@code [min, max]} (min 0 or more); {@code fallback}
   * when it is missing or blank.
   *
   * @throws IllegalArgumentException naming the key, the value and the range when it is not such a
   *     number
   */
  public static long wholeNumber(
      Map<String, String> values, String key, long fallback, long min, long max) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    return WholeNumbers.within(v, min, max)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    key
                        + " must be a whole number from "
                        + min
                        + " to "
                        + max
                        + ", not \""
                        + WholeNumbers.echo(v)
                        + "\""));
  }

  /** As {@link #wholeNumber(Map, String, long, long, long)} for an int setting. */
  public static int wholeNumber(
      Map<String, String> values, String key, int fallback, int min, int max) {
    return (int) wholeNumber(values, key, (long) fallback, min, max);
  }
}
