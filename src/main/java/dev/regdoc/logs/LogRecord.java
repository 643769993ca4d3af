package dev.regdoc.logs;

import dev.regdoc.common.PhysicalLine;
import java.util.ArrayList;
import java.util.List;

/**
 * One logical message: a physical line plus the continuation lines joined to it. What the joiner
 * asks of every following line (the tag, whether the body is blank, has an open '[' or ends in ']')
 * is kept up to date as lines are appended, looking only at the new text: asking it of the whole
 * text on every line made a long wrapped record cost the square of its length.
 */
final class LogRecord {

  private final long firstLine;
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final boolean windowsEvent;
  private String built; // the text as a String, made when first asked for after the last append
  private CiscoTag tag;
  private int scanned; // text before this index has been looked at for the tag and the body
  private boolean openBracket;
  private boolean bodyHasText;
  private char lastBodyChar;

  LogRecord(PhysicalLine first) {
    this.firstLine = first.number();
    this.windowsEvent = CucmFormats.isWindowsEventStart(first.text());
    lines.add(first.text());
    text.append(first.text());
    scan();
  }

  long firstLine() {
    return firstLine;
  }

  /** The physical lines as read (the Windows event format is parsed line by line). */
  List<String> lines() {
    return lines;
  }

  String text() {
    if (built == null) {
      built = text.toString();
    }
    return built;
  }

  int length() {
    return text.length();
  }

  /** True when the first line starts a Windows event (E3), whose "Label: value" lines follow it. */
  boolean windowsEvent() {
    return windowsEvent;
  }

  /** The first Cisco tag in the text, or null. */
  CiscoTag tag() {
    return tag;
  }

  /** True when the text after the tag holds anything but blanks. */
  boolean bodyHasText() {
    return bodyHasText;
  }

  /** True when the body's last '[' is not closed yet (CUCM values never nest brackets). */
  boolean openBracket() {
    return openBracket;
  }

  /** True when the body's last non-blank char is {@code c}. */
  boolean bodyEndsWith(char c) {
    return bodyHasText && lastBodyChar == c;
  }

  void append(String line, String separator) {
    lines.add(line);
    text.append(separator).append(line);
    built = null;
    scan();
  }

  /**
   * Looks at the text appended since the last scan: a tag never spans a join (it starts a line or
   * follows a blank).
   */
  private void scan() {
    if (tag == null && !windowsEvent) {
      tag = CiscoTag.find(text, scanned);
    }
    if (tag != null) {
      for (int i = Math.max(scanned, tag.end()); i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '[') {
          openBracket = true;
        } else if (c == ']') {
          openBracket = false;
        }
        if (!Character.isWhitespace(c)) {
          bodyHasText = true;
          lastBodyChar = c;
        }
      }
    }
    scanned = text.length();
  }
}
