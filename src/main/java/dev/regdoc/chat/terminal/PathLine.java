package dev.regdoc.chat.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A line that consists of paths and nothing else: separated by blanks or commas, each possibly
 * quoted ('...' or "...") or with blanks escaped by a backslash, each looking like a path (a '/', a
 * leading '~' or a file extension). A sentence that merely mentions a path is not such a line, so
 * nothing it names is read.
 */
final class PathLine {
  private PathLine() {}

  /**
   * The line's paths as written (quotes removed, '~' not yet expanded); empty when the line is
   * anything else.
   */
  static Optional<List<String>> paths(String line) {
    List<String> tokens = tokens(line);
    if (tokens == null || tokens.isEmpty() || !tokens.stream().allMatch(PathLine::looksLikePath)) {
      return Optional.empty();
    }
    return Optional.of(tokens);
  }

  private static boolean looksLikePath(String t) {
    return t.contains("/") || t.startsWith("~") || t.matches("(?s).*[^.]\\.[A-Za-z0-9]{1,10}");
  }

  /** The tokens, or null when a quote is left open. */
  private static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\\'
          && i + 1 < line.length()) { // a terminal's drag and drop escapes blanks: a\ b.pcap
        cur.append(line.charAt(++i));
      } else if (c == '"' || c == '\'') {
        quote = c;
        quoted = true;
      } else if (Character.isWhitespace(c) || c == ',') {
        flush(out, cur, quoted);
        quoted = false;
      } else {
        cur.append(c);
      }
    }
    if (quote != 0) {
      return null;
    }
    flush(out, cur, quoted);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur, boolean quoted) {
    if (!cur.isEmpty() || quoted) {
      out.add(cur.toString());
    }
    cur.setLength(0);
  }
}
