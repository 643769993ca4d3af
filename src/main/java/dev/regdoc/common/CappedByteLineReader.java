package dev.regdoc.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link CappedLineReader} on bytes: splits a byte stream into lines (\n, \r\n or \r) holding at
 * most {@code cap} bytes of one line, with its true length still reported, and stops at each line
 * once an analysis is past its time limit ({@link WorkLimit}). For readers of files of hundreds of
 * megabytes whose lines are mostly judged by a few ASCII bytes and skipped: no line becomes a
 * string unless the reader asks for it. The current line's bytes are valid until the next call.
 */
public final class CappedByteLineReader {
  private final InputStream in;
  private final int cap;
  private final byte[] buffer = new byte[1 << 16];
  private byte[] line = new byte[512];
  private int length;
  private long fullLength;
  private int pos;
  private int limit;
  private boolean skipLineFeed;
  private long number;

  public CappedByteLineReader(InputStream in, int cap) {
    this.in = in;
    this.cap = cap;
  }

  /** Moves to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    WorkLimit.checkpoint();
    length = 0;
    fullLength = 0;
    boolean sawAnything = false;
    while (true) {
      if (pos >= limit && !fill()) {
        if (sawAnything) {
          number++;
        }
        return sawAnything;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[pos] == '\n') {
          pos++;
          continue;
        }
      }
      sawAnything = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
        pos++;
      }
      keep(start, pos - start);
      if (pos < limit) {
        skipLineFeed = buffer[pos++] == '\r';
        number++;
        return true;
      }
    }
  }

  private void keep(int start, int run) {
    fullLength += run;
    int n = Math.min(run, cap - length);
    if (n <= 0) {
      return;
    }
    if (length + n > line.length) {
      byte[] bigger = new byte[Math.min(cap, Math.max(line.length * 2, length + n))];
      System.arraycopy(line, 0, bigger, 0, length);
      line = bigger;
    }
    System.arraycopy(buffer, start, line, length, n);
    length += n;
  }

  /** The current line's kept bytes, {@code [0, length())}; overwritten by the next call. */
  public byte[] bytes() {
    return line;
  }

  public int length() {
    return length;
  }

  /** 1-based number of the current line. */
  public long number() {
    return number;
  }

  /** The line's real length in bytes, larger than {@link #length()} when it was cut. */
  public long fullLength() {
    return fullLength;
  }

  public boolean truncated() {
    return fullLength > length;
  }

  /** The kept bytes as UTF-8 text, bytes that are not UTF-8 as U+FFFD. */
  public String text() {
    return new String(line, 0, length, StandardCharsets.UTF_8);
  }

  /** The sentence for the file's report when the line was cut, as {@link PhysicalLine} says it. */
  public String cutNotice() {
    return "line "
        + number
        + " is "
        + fullLength
        + " bytes long; only the first "
        + length
        + " were read";
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
