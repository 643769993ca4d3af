package dev.regdoc.testing;

import java.lang.reflect.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the work a regular expression does on an input: the matcher reads the input only through
 * {@link CharSequence#charAt}, so the number of reads is its number of steps. Past a budget the
 * count throws, so a pattern that backtracks quadratically fails in a fraction of a second instead
 * of hanging.
 */
public final class PatternSteps {
  /**
   * Steps allowed per input char: generous for alternations tried at every position, far below n².
   */
  public static final long STEPS_PER_CHAR = 500;

  private PatternSteps() {}

  /** Thrown when the budget is spent. */
  public static final class OverBudget extends RuntimeException {
    OverBudget(long budget) {
      super("over " + budget + " steps", null, false, false);
    }
  }

  /** How the production code drives a pattern. */
  public enum Mode {
    FIND_ALL,
    MATCHES,
    LOOKING_AT
  }

  /**
   * Steps taken, or throws {@link OverBudget} past {@code STEPS_PER_CHAR * input.length() +
   * 10_000}.
   */
  public static long count(Pattern pattern, String input, Mode mode) {
    Counting text = new Counting(input, STEPS_PER_CHAR * input.length() + 10_000);
    Matcher m = pattern.matcher(text);
    switch (mode) {
      case MATCHES -> m.matches();
      case LOOKING_AT -> m.lookingAt();
      case FIND_ALL -> {
        while (m.find()) {
          // every match, as the parsing loops take them
        }
      }
    }
    return text.steps[0];
  }

  /** The static pattern field {@code name} of {@code type}, private or not. */
  public static Pattern field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return (Pattern) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type.getName() + "." + name, e);
    }
  }

  /** A string whose reads are counted, sub-sequences included. */
  private static final class Counting implements CharSequence {
    private final String s;
    private final long[] steps;
    private final long budget;

    Counting(String s, long budget) {
      this(s, budget, new long[1]);
    }

    private Counting(String s, long budget, long[] steps) {
      this.s = s;
      this.budget = budget;
      this.steps = steps;
    }

    @Override
    public char charAt(int index) {
      if (++steps[0] > budget) {
        throw new OverBudget(budget);
      }
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Counting(s.substring(start, end), budget, steps);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
