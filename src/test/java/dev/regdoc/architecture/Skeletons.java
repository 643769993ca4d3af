package dev.regdoc.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text shaped like what a pattern matches, made from the pattern itself: one sample per top-level
 * alternative, taking the first alternative of every group and every optional part once ("Teardown
 * Probe TCP connection 1 for a:a/1 to ..."), and its prefixes at every group or quantifier
 * boundary. A hostile line is such a prefix followed by what the pattern backtracks over.
 */
final class Skeletons {
  private static final String CANDIDATES = "aA1 .:-/_=(";

  /** Samples per pattern: the k-th takes the k-th alternative of every group (or its last). */
  private static final int VARIANTS = 6;

  private final String regex;
  private final int choice;
  private int pos;
  private final List<Integer> cuts = new ArrayList<>();
  private StringBuilder sample; // the text being sampled; alternatives not taken go elsewhere
  private final List<String[]> loops = new ArrayList<>(); // {text before a repeated atom, the atom}

  private Skeletons(String regex, int choice) {
    this.regex = regex;
    this.choice = choice;
  }

  /** One sample per top-level alternative. */
  static List<String> of(String regex) {
    Set<String> samples = new LinkedHashSet<>();
    for (int k = 0; k < VARIANTS; k++) {
      List<String> some = new ArrayList<>();
      new Skeletons(regex, k).topLevel(some, new ArrayList<>());
      samples.addAll(some);
    }
    return List.copyOf(samples);
  }

  /** Text up to each repeatable atom of the samples, and the atom: "…for a:a/1" and " (a)". */
  static List<String[]> loops(String regex) {
    List<String[]> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int k = 0; k < VARIANTS; k++) {
      Skeletons s = new Skeletons(regex, k);
      s.topLevel(new ArrayList<>(), new ArrayList<>());
      for (String[] loop : s.loops) {
        if (!loop[1].isEmpty() && seen.add(loop[0] + "\u0000" + loop[1])) {
          out.add(loop);
        }
      }
    }
    return out;
  }

  /** Prefixes of the samples, cut where a group or a quantified atom ends. */
  static Set<String> prefixes(String regex) {
    List<String> samples = new ArrayList<>();
    List<List<Integer>> cuts = new ArrayList<>();
    for (int k = 0; k < VARIANTS; k++) {
      new Skeletons(regex, k).topLevel(samples, cuts);
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < samples.size(); i++) {
      for (int cut : cuts.get(i)) {
        if (cut > 0) {
          out.add(samples.get(i).substring(0, cut));
        }
      }
      out.add(samples.get(i));
    }
    return out;
  }

  private void topLevel(List<String> samples, List<List<Integer>> cutsOut) {
    while (true) {
      StringBuilder sb = new StringBuilder();
      sample = sb;
      cuts.clear();
      sequence(sb);
      samples.add(sb.toString());
      cutsOut.add(new ArrayList<>(cuts));
      if (pos >= regex.length()) {
        return;
      }
      pos++; // a top-level '|'
    }
  }

  /** Parses up to ')' or '|' (not consumed) or the end. */
  private void sequence(StringBuilder sb) {
    while (pos < regex.length()) {
      char c = regex.charAt(pos);
      if (c == ')' || c == '|') {
        return;
      }
      int before = sb.length();
      boolean quantifiable = atom(sb);
      if (quantifiable) {
        quantifier(sb, before);
      }
    }
  }

  /**
   * Appends one atom's sample; false for things that match no text (anchors, flags, lookarounds).
   */
  private boolean atom(StringBuilder sb) {
    char c = regex.charAt(pos);
    switch (c) {
      case '^', '$' -> {
        pos++;
        return false;
      }
      case '.' -> {
        pos++;
        sb.append('a');
        return true;
      }
      case '[' -> {
        int start = pos;
        skipClass();
        sb.append(sampleOf(regex.substring(start, pos)));
        return true;
      }
      case '(' -> {
        return group(sb);
      }
      case '\\' -> {
        return escape(sb);
      }
      default -> {
        pos++;
        sb.append(c);
        return true;
      }
    }
  }

  private boolean group(StringBuilder sb) {
    pos++; // '('
    boolean captures = true;
    boolean lookaround = false;
    if (regex.startsWith("?", pos)) {
      if (regex.startsWith("?:", pos) || regex.startsWith("?>", pos)) {
        pos += 2;
      } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
        pos += 2;
        lookaround = true;
      } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
        pos += 3;
        lookaround = true;
      } else if (regex.startsWith("?<", pos)) {
        pos = regex.indexOf('>', pos) + 1;
      } else {
        int end = pos + 1;
        while (end < regex.length() && regex.charAt(end) != ')' && regex.charAt(end) != ':') {
          end++;
        }
        boolean flagsOnly = end < regex.length() && regex.charAt(end) == ')';
        pos = end + 1;
        if (flagsOnly) {
          return false;
        }
      }
    }
    StringBuilder target = lookaround ? new StringBuilder() : sb;
    int start = target.length();
    sequence(target);
    for (int alternative = 1; pos < regex.length() && regex.charAt(pos) == '|'; alternative++) {
      pos++;
      if (alternative <= choice) {
        target.setLength(start); // this alternative replaces the one before
        cuts.removeIf(c -> target == sample && c > start);
        sequence(target);
      } else {
        sequence(new StringBuilder()); // parsed, not sampled
      }
    }
    pos++; // ')'
    cut(sb);
    return captures && !lookaround;
  }

  private boolean escape(StringBuilder sb) {
    char n = regex.charAt(pos + 1);
    pos += 2;
    switch (n) {
      case 's', 'W', 'h', 'R' -> sb.append(' ');
      case 'd' -> sb.append('1');
      case 'D', 'S', 'w' -> sb.append('a');
      case 'b', 'B', 'G', 'A', 'z', 'Z' -> {
        return false;
      }
      case 'p', 'P' -> {
        pos = regex.charAt(pos) == '{' ? regex.indexOf('}', pos) + 1 : pos + 1;
        sb.append('a');
      }
      case 'Q' -> {
        int end = regex.indexOf("\\E", pos);
        end = end < 0 ? regex.length() : end;
        sb.append(regex, pos, end);
        pos = Math.min(regex.length(), end + 2);
      }
      case 'u' -> {
        sb.append((char) Integer.parseInt(regex.substring(pos, pos + 4), 16));
        pos += 4;
      }
      case 'x' -> {
        sb.append((char) Integer.parseInt(regex.substring(pos, pos + 2), 16));
        pos += 2;
      }
      case 't' -> sb.append('\t');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      default -> sb.append(n);
    }
    return true;
  }

  private void quantifier(StringBuilder sb, int atomStart) {
    if (pos >= regex.length()) {
      return;
    }
    char q = regex.charAt(pos);
    if (q == '*' || q == '+' || q == '?') {
      pos++;
      if (q != '?' && sb == sample) {
        loops.add(new String[] {sb.substring(0, atomStart), sb.substring(atomStart)});
      }
    } else if (q == '{') {
      int end = regex.indexOf('}', pos);
      String[] bounds = regex.substring(pos + 1, end).split(",", -1);
      int min = bounds[0].isEmpty() ? 0 : Integer.parseInt(bounds[0].trim());
      String atom = sb.substring(atomStart);
      if (!(bounds.length == 1 || bounds[1].trim().equals("1")) && sb == sample) {
        loops.add(new String[] {sb.substring(0, atomStart), atom});
      }
      for (int i = 1; i < Math.min(min, 16); i++) {
        sb.append(atom);
      }
      pos = end + 1;
    } else {
      return;
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++; // lazy or possessive
    }
    cut(sb);
  }

  private void cut(StringBuilder sb) {
    if (sb == sample) {
      cuts.add(sb.length());
    }
  }

  private void skipClass() {
    int depth = 0;
    while (pos < regex.length()) {
      char c = regex.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return;
      }
    }
  }

  /** A char the class accepts, tried from a few likely ones; 'a' when none fits. */
  private static char sampleOf(String charClass) {
    Pattern p = Pattern.compile(charClass);
    for (char c : CANDIDATES.toCharArray()) {
      if (p.matcher(String.valueOf(c)).matches()) {
        return c;
      }
    }
    for (char c = '!'; c < 0x3000; c++) {
      if (p.matcher(String.valueOf(c)).matches()) {
        return c;
      }
    }
    return 'a';
  }
}
