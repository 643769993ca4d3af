package dev.regdoc.common;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines like BufferedReader.readLine (\n, \r\n or \r), but never
 * holds more than {@code cap} chars of one line: a 10 MB line without a newline costs {@code cap}
 * chars of memory, and its true length is still reported. Every text reader (syslog, IOS and ASA
 * configs, CallManager traces) reads through it, so each line is also where an analysis past its
 * time limit stops ({@link WorkLimit}).
 */
public final class CappedLineReader {

  private final Reader in;
  private final int cap;
  private final char[] buffer = new char[8192];
  private final StringBuilder text = new StringBuilder();
  private int pos;
  private int limit;
  private boolean skipLineFeed;
  private long lineNumber;

  public CappedLineReader(Reader in, int cap) {
    this.in = in;
    this.cap = cap;
  }

  /** The next line, or null at end of input; throws {@link WorkStopped} once the work must stop. */
  public PhysicalLine next() throws IOException {
    WorkLimit.checkpoint();
    text.setLength(0);
    long length = 0;
    boolean sawAnything = false;
    while (true) {
      if (pos >= limit && !fill()) {
        return sawAnything ? finish(length) : null;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[pos] == '\n') {
          pos++;
          continue;
        }
      }
      sawAnything = true;
      // a run of the line's characters at once: appending them one by one costs more than the
      // rest of reading a trace
      int start = pos;
      while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
        pos++;
      }
      int run = pos - start;
      length += run;
      int room = cap - text.length();
      if (room > 0) {
        text.append(buffer, start, Math.min(run, room));
      }
      if (pos < limit) {
        skipLineFeed = buffer[pos++] == '\r';
        return finish(length);
      }
    }
  }

  private PhysicalLine finish(long length) {
    return new PhysicalLine(++lineNumber, text.toString(), length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
