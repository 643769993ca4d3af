package dev.regdoc.ccmtrace;

/**
 * Whether a line's bytes are text: a byte sequence that is not UTF-8 is named and the line read
 * anyway (as ISO-8859-1 in a SIP message, as the capture reader reads SIP); a line with NUL bytes,
 * or mostly control bytes and broken sequences, is binary data and skipped.
 */
enum TraceLineContent {
  TEXT,
  INVALID_UTF8,
  BINARY;

  /** A tenth of odd bytes is far beyond any trace line and well below random bytes. */
  private static final double ODD_SHARE = 0.10;

  static TraceLineContent of(byte[] b, int n) {
    int odd = 0;
    int invalid = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c >= 0x20 && c < 0x7f) {
        continue;
      }
      if (c == 0) {
        return BINARY;
      }
      if (c < 0x80) {
        if (c != '\t' && c != '\f') {
          odd++;
        }
        continue;
      }
      int len = sequence(b, i, n);
      if (len < 0) {
        invalid++;
      } else {
        i += len - 1;
      }
    }
    if (n > 0 && (double) (odd + invalid) / n > ODD_SHARE) {
      return BINARY;
    }
    return invalid > 0 ? INVALID_UTF8 : TEXT;
  }

  /** Length of the UTF-8 sequence starting at {@code i}, or -1 when it is not one. */
  private static int sequence(byte[] b, int i, int n) {
    int c = b[i] & 0xff;
    int len =
        c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : -1;
    if (len < 0 || i + len > n) {
      return -1;
    }
    for (int k = 1; k < len; k++) {
      if ((b[i + k] & 0xc0) != 0x80) {
        return -1;
      }
    }
    return len;
  }
}
