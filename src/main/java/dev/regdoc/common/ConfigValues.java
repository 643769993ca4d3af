package dev.regdoc.common;

import java.util.Map;

/** Typed reads of string settings (flat config keys, environment variables) whose errors name the key and the value. */
public final class ConfigValues {
  private ConfigValues() {}

  /** The whole number under {@code key}; {@code fallback} when it is missing or blank. */
  public static int wholeNumber(Map<String, String> values, String key, int fallback) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not \"" + v + "\"", e);
    }
  }
}
