package dev.regdoc.ccmtrace;

/** Searches in the bytes of a line for ASCII literals, without making strings. */
final class TraceBytes {
  private TraceBytes() {}

  static int indexOf(byte[] b, int from, int to, byte x) {
    for (int i = from; i < to; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** First index of {@code ascii} in {@code b[from..to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, String ascii) {
    int len = ascii.length();
    if (len == 0) {
      return from;
    }
    byte first = (byte) ascii.charAt(0);
    for (int i = from; i <= to - len; i++) {
      if (b[i] == first && startsWith(b, i, to, ascii)) {
        return i;
      }
    }
    return -1;
  }

  static boolean startsWith(byte[] b, int from, int to, String ascii) {
    int len = ascii.length();
    if (to - from < len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (b[from + k] != (byte) ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b[from..to)} holds {@code lowerAscii}, ignoring ASCII case. */
  static boolean containsIgnoreCase(byte[] b, int from, int to, String lowerAscii) {
    int len = lowerAscii.length();
    for (int i = from; i <= to - len; i++) {
      int k = 0;
      while (k < len && lower(b[i + k]) == lowerAscii.charAt(k)) {
        k++;
      }
      if (k == len) {
        return true;
      }
    }
    return false;
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
  }

  /** Whether {@code b[0..n)} starts with {@code lowerAscii}, ignoring ASCII case. */
  static boolean startsWithIgnoreCase(byte[] b, int n, String lowerAscii) {
    int len = lowerAscii.length();
    if (n < len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (lower(b[k]) != lowerAscii.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
