package dev.regdoc.common;

import java.util.Locale;

/**
 * Byte counts as people read them, one wording for every reply and message: "512 bytes", "12 KB",
 * "1 MB", "1.5 MB", "210 MB". Units are powers of 1024; an exact multiple has no decimals, other
 * sizes one decimal below 10.
 */
public final class Sizes {
  private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

  private Sizes() {}

  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    int unit = 0;
    long scale = 1024;
    while (unit < UNITS.length - 1 && bytes / scale >= 1024) {
      scale <<= 10;
      unit++;
    }
    if (bytes % scale == 0) {
      return bytes / scale + " " + UNITS[unit];
    }
    double v = bytes / (double) scale;
    return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, UNITS[unit]);
  }
}
