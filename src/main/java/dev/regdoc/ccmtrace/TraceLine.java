package dev.regdoc.ccmtrace;

import java.nio.charset.StandardCharsets;

/**
 * Splits one physical trace line into what it is: an SDL record ({@code 02760551.004 |19:11:08.219
 * |AppInfo |payload}), an older SDI record ({@code 16:03:06.703 CCM|payload}), a {@code [N,NET]} or
 * {@code [N,INT]} line before a SIP message, a line that starts like a record but is broken (cut,
 * or mixed with another writer's line), or anything else: a continuation of the record above it.
 * Parsed by hand on the bytes, not with a regex or a string: this runs for every line of files of
 * hundreds of megabytes, and most lines are judged by their first bytes. One instance is reused
 * line after line; its fields describe the last line parsed.
 */
final class TraceLine {
  enum Kind {
    SDL,
    SDI,
    MARKER,
    BROKEN,
    OTHER
  }

  Kind kind;

  /** Time of day in milliseconds (records only). */
  int millis;

  /** The type column (SdlSig, AppInfo, AlarmErr, ...) or the SDI label (CCM). */
  String type;

  /** Where the text after the type column starts, leading blanks skipped. */
  int payloadFrom;

  /** N of a marker line. */
  long marker;

  /** A marker line said INT (an internal copy), not NET (the message on the wire). */
  boolean internal;

  /**
   * Where the record starts when the line began with a broken one (two writers' lines run
   * together), or -1 for a clean line.
   */
  int recovered;

  private byte[] b;
  private int n;

  /** The line {@code s} (for the sniffer, which has text). */
  Kind parse(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, bytes.length);
  }

  Kind parse(byte[] bytes, int length) {
    this.b = bytes;
    this.n = length;
    recovered = -1;
    int i = skipBlanks(0);
    if (i >= n) {
      return kind = Kind.OTHER;
    }
    byte c = b[i];
    if (c == '[') {
      return kind = marker(i) ? Kind.MARKER : Kind.OTHER;
    }
    if (!isDigit(c)) {
      return kind = Kind.OTHER;
    }
    int digits = digitsFrom(i);
    if (digits == 2 && i + 2 < n && b[i + 2] == ':') {
      return kind = sdi(i) ? Kind.SDI : Kind.OTHER;
    }
    if (digits == 0 || i + digits >= n || b[i + digits] != '.') {
      return kind = Kind.OTHER;
    }
    return kind = sdl(i + digits + 1) ? Kind.SDL : broken(i + digits);
  }

  /** The payload as text (UTF-8, bytes that are not as U+FFFD). */
  String payload() {
    return new String(b, payloadFrom, n - payloadFrom, StandardCharsets.UTF_8);
  }

  /** Whether the payload holds {@code ascii} (a short literal). */
  boolean payloadContains(String ascii) {
    return TraceBytes.indexOf(b, payloadFrom, n, ascii) >= 0;
  }

  boolean payloadStartsWith(String ascii) {
    return TraceBytes.startsWith(b, payloadFrom, n, ascii);
  }

  /** The rest of {@code NNNNNNNN.NNN |HH:MM:SS.mmm |Type |payload} after the first dot. */
  private boolean sdl(int afterDot) {
    int subDigits = digitsFrom(afterDot);
    if (subDigits < 1 || subDigits > 4) {
      return false;
    }
    int i = skipBlanks(afterDot + subDigits);
    if (i >= n || b[i] != '|') {
      return false;
    }
    i = skipBlanks(i + 1);
    if (!time(i)) {
      return false;
    }
    i = skipBlanks(i + 12);
    if (i >= n || b[i] != '|') {
      return false;
    }
    int typeFrom = skipBlanks(i + 1);
    int bar = TraceBytes.indexOf(b, typeFrom, n, (byte) '|');
    int typeTo = trimEnd(typeFrom, bar < 0 ? n : bar);
    if (typeTo == typeFrom || !isWord(typeFrom, typeTo)) {
      return false;
    }
    type = Types.of(b, typeFrom, typeTo);
    payloadFrom = bar < 0 ? n : skipBlanks(bar + 1);
    return true;
  }

  /** {@code HH:MM:SS.mmm LABEL|payload}, the SDI layout of CallManager before 9.x. */
  private boolean sdi(int i) {
    if (!time(i)) {
      return false;
    }
    int from = i + 12;
    if (from >= n || b[from] != ' ') {
      return false;
    }
    int labelFrom = skipBlanks(from);
    int bar = TraceBytes.indexOf(b, labelFrom, n, (byte) '|');
    if (bar < 0 || bar == labelFrom || !isWord(labelFrom, bar)) {
      return false;
    }
    type = Types.of(b, labelFrom, bar);
    payloadFrom = bar + 1;
    return true;
  }

  /**
   * A line that starts with a record number but does not go on like a record: cut, or run into by
   * another writer. When a whole record starts later in it, the line is that record, and {@link
   * #recovered} says where it starts; otherwise it is broken. A few tries at most: a hostile line
   * must not cost more than a few passes.
   */
  private Kind broken(int from) {
    int tries = 0;
    for (int at = barAfterBlank(from); at >= 0 && tries < 4; at = barAfterBlank(at + 2)) {
      int start = at;
      while (start > from && (isDigit(b[start - 1]) || b[start - 1] == '.')) {
        start--;
      }
      if (start == at || !isDigit(b[start])) {
        continue;
      }
      tries++;
      int digits = digitsFrom(start);
      if (b[start + digits] == '.' && sdl(start + digits + 1)) {
        recovered = start;
        return Kind.SDL;
      }
    }
    return Kind.BROKEN;
  }

  /** Index of the next " |" at or after {@code from}, or -1. */
  private int barAfterBlank(int from) {
    for (int i = from; i + 1 < n; i++) {
      if (b[i] == ' ' && b[i + 1] == '|') {
        return i;
      }
    }
    return -1;
  }

  private boolean marker(int i) {
    int digits = digitsFrom(i + 1);
    int comma = i + 1 + digits;
    if (digits == 0 || digits > 18 || comma + 5 > n || b[comma] != ',') {
      return false;
    }
    boolean net = TraceBytes.startsWith(b, comma + 1, n, "NET]");
    boolean in = TraceBytes.startsWith(b, comma + 1, n, "INT]");
    if (!net && !in || skipBlanks(comma + 5) != n) {
      return false;
    }
    long v = 0;
    for (int k = i + 1; k < comma; k++) {
      v = v * 10 + (b[k] - '0');
    }
    marker = v;
    internal = in;
    return true;
  }

  /** {@code HH:MM:SS.mmm} at {@code i}; sets {@link #millis}. */
  private boolean time(int i) {
    if (i + 12 > n || b[i + 2] != ':' || b[i + 5] != ':' || b[i + 8] != '.') {
      return false;
    }
    int h = two(i);
    int m = two(i + 3);
    int sec = two(i + 6);
    int ms = two(i + 9) * 10 + digit(i + 11);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 || ms < 0) {
      return false;
    }
    millis = ((h * 60 + m) * 60 + sec) * 1000 + ms;
    return true;
  }

  private int two(int i) {
    int x = digit(i);
    int y = digit(i + 1);
    return x < 0 || y < 0 ? -1 : x * 10 + y;
  }

  private int digit(int i) {
    byte c = b[i];
    return c >= '0' && c <= '9' ? c - '0' : -1000;
  }

  private int digitsFrom(int i) {
    int j = i;
    while (j < n && isDigit(b[j])) {
      j++;
    }
    return j - i;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** Letters, digits and dashes only: a type column or an SDI label. */
  private boolean isWord(int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private int skipBlanks(int i) {
    int j = i;
    while (j < n && (b[j] == ' ' || b[j] == '\t')) {
      j++;
    }
    return j;
  }

  private int trimEnd(int from, int to) {
    int j = to;
    while (j > from && (b[j - 1] == ' ' || b[j - 1] == '\t')) {
      j--;
    }
    return j;
  }

  /** The type columns seen in traces, shared rather than made per line. */
  static final class Types {
    static final String SDL_SIG = "SdlSig";
    static final String SDL_SIG_IN = "SdlSig-I";
    static final String SDL_SIG_OUT = "SdlSig-O";
    static final String APP_INFO = "AppInfo";
    static final String FILE_HEAD = "FileHead";
    private static final String[] KNOWN = {
      APP_INFO, SDL_SIG, SDL_SIG_IN, SDL_SIG_OUT, "SdlStat", "Created", FILE_HEAD, "AlarmErr", "CCM"
    };

    private Types() {}

    static String of(byte[] b, int from, int to) {
      for (String k : KNOWN) {
        if (k.length() == to - from && TraceBytes.startsWith(b, from, to, k)) {
          return k;
        }
      }
      return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static boolean isSignal(String type) {
      return SDL_SIG.equals(type) || SDL_SIG_IN.equals(type) || SDL_SIG_OUT.equals(type);
    }

    static boolean isAlarm(String type) {
      return type.startsWith("Alarm");
    }
  }
}
