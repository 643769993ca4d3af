package dev.regdoc.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAC address spotting and normalisation to the form the fact model uses: lower-case, colon
 * separated.
 */
public final class Macs {

  /** Cisco dotted (f03a.b216.7ad7), colon or dash separated (f0:3a:..., F0-3A-...). */
  public static final Pattern ANY_MAC =
      Pattern.compile(
          "(?<![0-9A-Fa-f:.\\-])(?:[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}"
              + "|[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}"
              + "|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5})(?![0-9A-Fa-f:\\-]|\\.[0-9A-Fa-f])");

  private Macs() {}

  /** The MAC in colon form, or null when {@code text} is not a MAC in one of the known forms. */
  public static String normalise(String text) {
    if (text == null || !ANY_MAC.matcher(text.trim()).matches()) {
      return null;
    }
    String hex = text.trim().replaceAll("[.:\\-]", "").toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, i + 2);
    }
    return out.toString();
  }

  /** The first MAC in free text, normalised, or null. */
  public static String firstIn(String text) {
    Matcher m = ANY_MAC.matcher(text);
    return m.find() ? normalise(m.group()) : null;
  }
}
