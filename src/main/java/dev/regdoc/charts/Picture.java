package dev.regdoc.charts;

/**
 * One rendered picture for a chat or a folder.
 *
 * @param fileName a safe file name ending in .png
 * @param title what the picture shows, in the asked language
 * @param text the same picture as plain text for a terminal (the ladder), or null when it has none
 */
public record Picture(String fileName, String title, byte[] png, String text) {

  /** A picture with no text form. */
  public Picture(String fileName, String title, byte[] png) {
    this(fileName, title, png, null);
  }
}
