package dev.regdoc.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string literals a constraint expression compares a property with: {@code role == "primary"},
 * {@code direction != "x"}, {@code kind in ("a", "b")}.
 */
final class StringComparisons {
  /**
   * A property path compared with one string; a path starts after no word character, so a long
   * identifier is tried once, not from each of its letters.
   */
  private static final Pattern COMPARED =
      Pattern.compile("(?<![\\w.])([A-Za-z_][\\w.]*+)\\s*+[!=]=\\s*+\"([^\"]*+)\"");

  /** A property path tested against a list; the list is searched for strings. */
  private static final Pattern LISTED =
      Pattern.compile("(?<![\\w.])([A-Za-z_][\\w.]*+)\\s++(?:not\\s++)?in\\s*+\\(([^()]*+)\\)");

  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

  /** One property path and the strings it is compared with. */
  record Comparison(String path, List<String> literals) {}

  /** Java in a consequence: {@code "x".equals($t.field())} or {@code $t.field().equals("x")}. */
  private static final Pattern EQUALS =
      Pattern.compile(
          "\"([^\"]*)\"\\s*\\.equals\\(\\s*(\\$\\w+)\\.(\\w+)\\(\\)\\s*\\)"
              + "|(\\$\\w+)\\.(\\w+)\\(\\)\\s*\\.equals\\(\\s*\"([^\"]*)\"\\s*\\)");

  private StringComparisons() {}

  /** In Java code: the bound variable, its accessor as the path "$t.field", and the string. */
  static List<Comparison> inJava(String code) {
    List<Comparison> out = new ArrayList<>();
    Matcher m = EQUALS.matcher(code);
    while (m.find()) {
      out.add(
          m.group(1) != null
              ? new Comparison(m.group(2) + "." + m.group(3), List.of(m.group(1)))
              : new Comparison(m.group(4) + "." + m.group(5), List.of(m.group(6))));
    }
    return out;
  }

  static List<Comparison> in(String expression) {
    List<Comparison> out = new ArrayList<>();
    Matcher m = COMPARED.matcher(expression);
    while (m.find()) {
      out.add(new Comparison(m.group(1), List.of(m.group(2))));
    }
    Matcher in = LISTED.matcher(expression);
    while (in.find()) {
      List<String> literals = new ArrayList<>();
      Matcher l = LITERAL.matcher(in.group(2));
      while (l.find()) {
        literals.add(l.group(1));
      }
      if (!literals.isEmpty()) {
        out.add(new Comparison(in.group(1), literals));
      }
    }
    return out;
  }
}
