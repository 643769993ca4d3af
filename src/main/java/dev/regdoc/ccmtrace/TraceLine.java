package dev.regdoc.ccmtrace;

/**
 * Splits one physical trace line into what it is: an SDL record ({@code 02760551.004 |19:11:08.219
 * |AppInfo |payload}), an older SDI record ({@code 16:03:06.703 CCM|payload}), a {@code [N,NET]} or
 * {@code [N,INT]} line before a SIP message, a line that starts like a record but is broken (cut,
 * or mixed with another writer's line), or anything else: a continuation of the record above it.
 * Parsed by hand, not with a regex: this runs for every line of files of hundreds of megabytes. One
 * instance is reused line after line; its fields describe the last line parsed.
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

  /** Text after the type column, leading blanks removed. */
  String payload;

  /** N of a marker line. */
  long marker;

  /** A marker line said INT (an internal copy), not NET (the message on the wire). */
  boolean internal;

  /**
   * Where the record starts when the line began with a broken one (two writers' lines run
   * together), or -1 for a clean line.
   */
  int recovered;

  Kind parse(String s) {
    recovered = -1;
    int n = s.length();
    int i = skipBlanks(s, 0);
    if (i >= n) {
      return kind = Kind.OTHER;
    }
    char c = s.charAt(i);
    if (c == '[') {
      return kind = marker(s, i) ? Kind.MARKER : Kind.OTHER;
    }
    if (!isDigit(c)) {
      return kind = Kind.OTHER;
    }
    int digits = digitsFrom(s, i);
    if (digits == 2 && i + 2 < n && s.charAt(i + 2) == ':') {
      return kind = sdi(s, i) ? Kind.SDI : Kind.OTHER;
    }
    if (digits == 0 || i + digits >= n || s.charAt(i + digits) != '.') {
      return kind = Kind.OTHER;
    }
    return kind = sdl(s, i + digits + 1) ? Kind.SDL : broken(s, i + digits);
  }

  /** The rest of {@code NNNNNNNN.NNN |HH:MM:SS.mmm |Type |payload} after the first dot. */
  private boolean sdl(String s, int afterDot) {
    int n = s.length();
    int subDigits = digitsFrom(s, afterDot);
    if (subDigits < 1 || subDigits > 4) {
      return false;
    }
    int i = skipBlanks(s, afterDot + subDigits);
    if (i >= n || s.charAt(i) != '|') {
      return false;
    }
    i = skipBlanks(s, i + 1);
    if (!time(s, i)) {
      return false;
    }
    i = skipBlanks(s, i + 12);
    if (i >= n || s.charAt(i) != '|') {
      return false;
    }
    int typeFrom = skipBlanks(s, i + 1);
    int bar = s.indexOf('|', typeFrom);
    int typeTo = trimEnd(s, typeFrom, bar < 0 ? n : bar);
    if (typeTo == typeFrom || !isWord(s, typeFrom, typeTo)) {
      return false;
    }
    type = Types.of(s, typeFrom, typeTo);
    payload = bar < 0 ? "" : s.substring(skipBlanks(s, bar + 1));
    return true;
  }

  /** {@code HH:MM:SS.mmm LABEL|payload}, the SDI layout of CallManager before 9.x. */
  private boolean sdi(String s, int i) {
    if (!time(s, i)) {
      return false;
    }
    int from = i + 12;
    if (from >= s.length() || s.charAt(from) != ' ') {
      return false;
    }
    int labelFrom = skipBlanks(s, from);
    int bar = s.indexOf('|', labelFrom);
    if (bar < 0 || bar == labelFrom || !isWord(s, labelFrom, bar)) {
      return false;
    }
    type = Types.of(s, labelFrom, bar);
    payload = s.substring(bar + 1);
    return true;
  }

  /**
   * A line that starts with a record number but does not go on like a record: cut, or run into by
   * another writer. When a whole record starts later in it, the line is that record, and {@link
   * #recovered} says where it starts; otherwise it is broken. A few tries at most: a hostile line
   * must not cost more than a few passes.
   */
  private Kind broken(String s, int from) {
    int tries = 0;
    for (int at = s.indexOf(" |", from); at >= 0 && tries < 4; at = s.indexOf(" |", at + 2)) {
      int start = at;
      while (start > from && isDigitOrDot(s.charAt(start - 1))) {
        start--;
      }
      if (start == at || !isDigit(s.charAt(start))) {
        continue;
      }
      tries++;
      int digits = digitsFrom(s, start);
      if (s.charAt(start + digits) == '.' && sdl(s, start + digits + 1)) {
        recovered = start;
        return Kind.SDL;
      }
    }
    return Kind.BROKEN;
  }

  private boolean marker(String s, int i) {
    int digits = digitsFrom(s, i + 1);
    int comma = i + 1 + digits;
    if (digits == 0 || digits > 18 || comma + 5 > s.length() || s.charAt(comma) != ',') {
      return false;
    }
    boolean net = s.startsWith("NET]", comma + 1);
    boolean in = s.startsWith("INT]", comma + 1);
    if (!net && !in || skipBlanks(s, comma + 5) != s.length()) {
      return false;
    }
    marker = Long.parseLong(s, i + 1, comma, 10);
    internal = in;
    return true;
  }

  /** {@code HH:MM:SS.mmm} at {@code i}; sets {@link #millis}. */
  private boolean time(String s, int i) {
    if (i + 12 > s.length()
        || s.charAt(i + 2) != ':'
        || s.charAt(i + 5) != ':'
        || s.charAt(i + 8) != '.') {
      return false;
    }
    int h = two(s, i);
    int m = two(s, i + 3);
    int sec = two(s, i + 6);
    int ms = two(s, i + 9) * 10 + digit(s, i + 11);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59 || ms < 0) {
      return false;
    }
    millis = ((h * 60 + m) * 60 + sec) * 1000 + ms;
    return true;
  }

  private static int two(String s, int i) {
    int a = digit(s, i);
    int b = digit(s, i + 1);
    return a < 0 || b < 0 ? -1 : a * 10 + b;
  }

  private static int digit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9' ? c - '0' : -1000;
  }

  private static int digitsFrom(String s, int i) {
    int j = i;
    while (j < s.length() && isDigit(s.charAt(j))) {
      j++;
    }
    return j - i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigitOrDot(char c) {
    return isDigit(c) || c == '.';
  }

  /** Letters, digits and dashes only: a type column or an SDI label. */
  private static boolean isWord(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-')) {
        return false;
      }
    }
    return true;
  }

  static int skipBlanks(String s, int i) {
    int j = i;
    while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
      j++;
    }
    return j;
  }

  private static int trimEnd(String s, int from, int to) {
    int j = to;
    while (j > from && (s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '\t')) {
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

    static String of(String s, int from, int to) {
      for (String k : KNOWN) {
        if (k.length() == to - from && s.startsWith(k, from)) {
          return k;
        }
      }
      return s.substring(from, to);
    }

    static boolean isSignal(String type) {
      return SDL_SIG.equals(type) || SDL_SIG_IN.equals(type) || SDL_SIG_OUT.equals(type);
    }

    static boolean isAlarm(String type) {
      return type.startsWith("Alarm");
    }
  }
}
