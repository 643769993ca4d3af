package dev.regdoc.logs;

/**
 * One line as read from the file, without its terminator.
 *
 * @param number 1-based line number
 * @param text the line, cut at the reader's cap
 * @param fullLength the line's real length in chars (larger than text.length() when it was cut)
 */
record PhysicalLine(long number, String text, long fullLength) {

  boolean truncated() {
    return fullLength > text.length();
  }

  boolean isBlank() {
    return text.isBlank();
  }
}
