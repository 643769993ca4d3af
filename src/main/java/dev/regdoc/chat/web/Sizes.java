package dev.regdoc.chat.web;

/** Byte counts as people read them in the chat's messages. */
final class Sizes {
  private Sizes() {}

  static String human(long bytes) {
    if (bytes >= 1L << 20) {
      long mb = bytes >> 20;
      return (mb << 20) == bytes ? mb + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return (bytes >> 10) + " KB";
    }
    return bytes + " bytes";
  }
}
