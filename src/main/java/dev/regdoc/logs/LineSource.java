package dev.regdoc.logs;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads lines with a length cap, so a file without newlines cannot exhaust memory, and notes which
 * lines looked binary.
 */
final class LineSource {
  static final int MAX_LINE = 64 * 1024;

  private final BufferedReader in;
  private long number;
  private boolean truncated;

  LineSource(BufferedReader in) {
    this.in = in;
  }

  /** The next line (at most MAX_LINE characters kept), or null at the end. */
  String next() throws IOException {
    StringBuilder sb = new StringBuilder();
    truncated = false;
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      if (sb.length() < MAX_LINE) {
        sb.append((char) c);
      } else {
        truncated = true;
      }
    }
    if (c < 0 && sb.length() == 0 && !truncated) {
      return null;
    }
    number++;
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == '\r') {
      sb.setLength(len - 1);
    }
    return sb.toString();
  }

  long number() {
    return number;
  }

  boolean wasTruncated() {
    return truncated;
  }

  /** NUL bytes, replacement characters from invalid UTF-8, or mostly control characters. */
  static boolean looksBinary(String line) {
    int bad = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == 0 || ch == '\uFFFD' || (ch < 0x20 && ch != '\t')) {
        bad++;
      }
    }
    return bad > 0 && (line.indexOf('\0') >= 0 || bad * 10 > line.length());
  }
}
