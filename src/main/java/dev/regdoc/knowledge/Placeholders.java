package dev.regdoc.knowledge;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {name}} placeholders in finding texts. Only identifiers count, so command syntax such as
 * {@code {absolute | inactivity}} is not mistaken for a placeholder. {@code {name|one|other}} picks
 * a word by the count in {@code name} (English "1 minute", "2 minutes"; Japanese texts need no such
 * form). {@code {name:minutes}} and {@code {name:seconds}} show a number of seconds in that unit,
 * in the answer's language ("18 minutes", "18分"): rules pass raw numbers, the text says how to show
 * them.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*+)(?::(minutes|seconds))?+}");

  /** Shows a value in a unit ("minutes", "seconds") in the answer's language. */
  @FunctionalInterface
  public interface Units {
    String show(String unit, Object value);

    /** The number as it is, for texts that name no unit. */
    Units PLAIN = (unit, value) -> String.valueOf(value);
  }

  private static final Pattern PLURAL =
      Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\|([^{}|]*)\\|([^{}|]*)}");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  private Placeholders() {}

  /** The placeholder names used in {@code text}, in order of first use. */
  public static Set<String> find(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    Matcher p = PLURAL.matcher(text);
    while (p.find()) {
      names.add(p.group(1));
    }
    return names;
  }

  /**
   * True when the value counts exactly one: the number 1, or a text whose last number is 1 ("≤1").
   */
  static boolean one(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue() == 1;
    }
    Matcher m = NUMBER.matcher(String.valueOf(value));
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    return last != null && Double.parseDouble(last) == 1;
  }

  /** Replaces each placeholder with its value; a placeholder without a value is left as it is. */
  public static String fill(String text, Map<String, ?> values) {
    return fill(text, values, Units.PLAIN);
  }

  /** {@link #fill(String, Map)} showing {@code {name:unit}} placeholders through {@code units}. */
  public static String fill(String text, Map<String, ?> values, Units units) {
    Matcher p = PLURAL.matcher(text);
    StringBuilder words = new StringBuilder();
    while (p.find()) {
      Object value = values.get(p.group(1));
      p.appendReplacement(
          words,
          Matcher.quoteReplacement(
              // no count: the general (plural) word, never the raw {name|one|other}
              value == null || !one(value) ? p.group(3) : p.group(2)));
    }
    p.appendTail(words);
    Matcher m = PLACEHOLDER.matcher(words);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object value = values.get(m.group(1));
      String shown =
          value == null
              ? m.group()
              : m.group(2) == null ? String.valueOf(value) : units.show(m.group(2), value);
      m.appendReplacement(sb, Matcher.quoteReplacement(shown));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
