package dev.regdoc.common;

/**
 * Makes names and text from files safe to show: a zip entry, a file name, a device name from a log
 * may carry ESC sequences (recolour or clear a terminal), CR/LF (forge a line of output) or
 * direction overrides (show "gol.txt" reversed as "txt.log"). Each such character becomes '?', so
 * the name stays recognisable and one line.
 */
public final class DisplayNames {
  private DisplayNames() {}

  /**
   * {@code name} with every control, line-separator and direction-control character replaced by
   * '?'.
   */
  public static String clean(String name) {
    return replace(name, false);
  }

  /**
   * Text of several lines (a reply, a report) cleaned the same way, keeping its line breaks and
   * tabs; a CR before a line break is dropped.
   */
  public static String cleanText(String text) {
    return replace(text, true);
  }

  private static String replace(String s, boolean keepLines) {
    if (s == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean layout = keepLines && (c == '\n' || c == '\t');
      if (layout || !unsafe(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (!(keepLines && c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
        out.append('?');
      }
    }
    return out == null ? s : out.toString();
  }

  /** C0, DEL, C1, and the Unicode controls that reorder or break what follows them. */
  static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c'
        || c == '\u200e'
        || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }
}
