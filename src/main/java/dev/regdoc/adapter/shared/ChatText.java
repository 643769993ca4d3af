package dev.regdoc.adapter.shared;

import java.util.ArrayList;
import java.util.List;

/** Cutting text to a chat platform's limits, the same way on every platform. */
public final class ChatText {
  private ChatText() {}

  /**
   * Long text in pieces of at most {@code max} characters, cut at a line break (else a space) so no
   * word is broken.
   */
  public static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cutAt = rest.lastIndexOf('\n', max);
      if (cutAt < max / 2) {
        cutAt = rest.lastIndexOf(' ', max);
      }
      if (cutAt < max / 2) {
        cutAt = max;
      }
      parts.add(rest.substring(0, cutAt));
      rest = rest.substring(cutAt).stripLeading();
    }
    parts.add(rest);
    return parts;
  }

  /** The text, or its first {@code max - 1} characters and an ellipsis. */
  public static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
