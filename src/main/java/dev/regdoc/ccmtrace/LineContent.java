package dev.regdoc.ccmtrace;

/**
 * Whether a decoded line is text: bytes that were not UTF-8 arrive as U+FFFD and are read anyway; a
 * line with NUL bytes or mostly odd characters is binary data and skipped.
 */
enum LineContent {
  TEXT,
  INVALID_UTF8,
  BINARY;

  /** A tenth of odd characters is far beyond any trace line and well below random bytes. */
  private static final double ODD_SHARE = 0.10;

  static LineContent of(String line) {
    int odd = 0;
    int replaced = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= ' ' && c < 0x7f) {
        continue;
      }
      if (c == 0) {
        return BINARY;
      }
      if (c == '\uFFFD') {
        replaced++;
      } else if (c < 0x20 && c != '\t' && c != '\f' || c == 0x7f || c >= 0x80 && c < 0xa0) {
        odd++;
      }
    }
    if (line.length() > 0 && (double) (odd + replaced) / line.length() > ODD_SHARE) {
      return BINARY;
    }
    return replaced > 0 ? INVALID_UTF8 : TEXT;
  }
}
