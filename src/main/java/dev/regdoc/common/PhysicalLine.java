package dev.regdoc.common;

/**
 * One line as read from the file, without its terminator.
 *
 * @param number 1-based line number
 * @param text the line, cut at the reader's cap
 * @param fullLength the line's real length in chars (larger than text.length() when it was cut)
 */
public record PhysicalLine(long number, String text, long fullLength) {

  /** True when the line was longer than the reader's cap and was cut. */
  public boolean truncated() {
    return fullLength > text.length();
  }

  /**
   * The sentence for the file's report when the line was cut: "line 3 is 300000000 characters long;
   * ...".
   */
  public String cutNotice() {
    return "line "
        + number
        + " is "
        + fullLength
        + " characters long; only the first "
        + text.length()
        + " were read";
  }

  public boolean isBlank() {
    return text.isBlank();
  }
}
