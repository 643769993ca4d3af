package dev.regdoc.logs;

import java.util.ArrayList;
import java.util.List;

/** One logical message: a physical line plus the continuation lines joined to it. */
final class LogRecord {

  private final long firstLine;
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  LogRecord(PhysicalLine first) {
    this.firstLine = first.number();
    lines.add(first.text());
    text.append(first.text());
  }

  long firstLine() {
    return firstLine;
  }

  /** The physical lines as read (the Windows event format is parsed line by line). */
  List<String> lines() {
    return lines;
  }

  String text() {
    return text.toString();
  }

  int length() {
    return text.length();
  }

  void append(String line, String separator) {
    lines.add(line);
    text.append(separator).append(line);
  }
}
