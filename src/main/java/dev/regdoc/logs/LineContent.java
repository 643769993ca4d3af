package dev.regdoc.logs;

/**
 * What a line looks like before any parsing: readable text, or something that is not text. Binary
 * content is judged per line so that a log with a corrupt stretch still yields its readable lines.
 */
enum LineContent {
  TEXT(null),
  /** Readable, but with bytes that were not UTF-8 (decoded as U+FFFD). Still parsed. */
  TEXT_WITH_INVALID_UTF8("bytes that are not valid UTF-8"),
  NUL_BYTES("binary data (NUL bytes)"),
  INVALID_UTF8("binary data (mostly invalid UTF-8)"),
  CONTROL_CHARS("binary data (control characters)");

  /** How to name it in a sentence for the user. */
  final String description;

  LineContent(String description) {
    this.description = description;
  }

  boolean skipped() {
    return this == NUL_BYTES || this == INVALID_UTF8 || this == CONTROL_CHARS;
  }

  /** A tenth of odd characters is far beyond any real log line and well below random bytes. */
  private static final double ODD_SHARE = 0.10;

  static LineContent of(String line) {
    int controls = 0;
    int replacements = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == 0) {
        return NUL_BYTES;
      }
      if (c == '\uFFFD') {
        replacements++;
      } else if ((c < 0x20 && c != '\t' && c != '\f') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
        controls++;
      }
    }
    double odd = controls + replacements;
    if (line.length() > 0 && odd / line.length() > ODD_SHARE) {
      return replacements >= controls ? INVALID_UTF8 : CONTROL_CHARS;
    }
    return replacements > 0 ? TEXT_WITH_INVALID_UTF8 : TEXT;
  }
}
