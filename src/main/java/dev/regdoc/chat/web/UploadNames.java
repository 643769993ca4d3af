package dev.regdoc.chat.web;

/**
 * The name a browser gave an upload, reduced to a plain file name (no folders, no control
 * characters).
 */
final class UploadNames {
  private static final int MAX_LENGTH = 200;

  private UploadNames() {}

  static String clean(String raw) {
    if (raw == null) {
      return "upload";
    }
    String name = raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "upload";
    }
    return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
  }
}
