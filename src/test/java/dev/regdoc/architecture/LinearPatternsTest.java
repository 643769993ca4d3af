package dev.regdoc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regdoc.common.WorkLimit;
import dev.regdoc.testing.PatternSteps;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every static pattern of every class under dev.regdoc (found by reflection, so a new one is
 * covered without touching this test) runs in steps linear in its input, on hostile 64 KB lines:
 * long runs of blanks, of the pattern's own literal text, of brackets and label words, ending where
 * the pattern cannot match. Steps are reads of the input, counted; a quadratic pattern exhausts its
 * budget and fails at once instead of hanging the build.
 */
class LinearPatternsTest {
  private static final int LENGTH = 64 * 1024;

  /** Runs every pattern meets: blanks of each kind, letters, digits, brackets, separators. */
  private static final List<String> PIECES =
      List.of(
          " ", "\t", "\n", "\u2028", "a", "A", "1", "a ", "1.", "1:", "[k=", "(", ")", ":", "-",
          "%", "<", "で");

  /** What ends a hostile line: something no pattern expects after a long run. */
  private static final String END = "\u2028x";

  /**
   * Prefixes and loops tried per pattern, spread over its length: enough to reach every optional
   * tail.
   */
  private static final int PER_KIND = 16;

  private static final List<String> COMMON = common();

  @Test
  void everyStaticPatternMatchesInLinearSteps() throws Exception {
    List<String> failures =
        staticPatterns().entrySet().parallelStream()
            .map(
                e -> {
                  String failure = firstQuadraticInput(e.getValue());
                  return failure == null
                      ? null
                      : e.getKey() + " /" + e.getValue().pattern() + "/ " + failure;
                })
            .filter(Objects::nonNull)
            .sorted()
            .toList();
    assertThat(failures).as("patterns that are not linear on hostile input").isEmpty();
  }

  @Test
  void theScanFindsThePatternsOfEveryLayer() throws Exception {
    // guards the scan itself: if it found nothing, the test above would pass vacuously
    Set<String> classes = new LinkedHashSet<>();
    staticPatterns().keySet().forEach(k -> classes.add(k.substring(0, k.lastIndexOf('.'))));
    assertThat(classes)
        .contains(
            "dev.regdoc.logs.AsaFields",
            "dev.regdoc.logs.CucmFormats",
            "dev.regdoc.devconfig.IosConfigReader",
            "dev.regdoc.conversation.IntentParser",
            "dev.regdoc.knowledge.Placeholders",
            "dev.regdoc.ingest.InputSniffer");
    assertThat(staticPatterns().keySet())
        .anyMatch(k -> k.startsWith("dev.regdoc.conversation.IntentParser.RULES"));
  }

  @Test
  void theStepCountCatchesAQuadraticPattern() {
    // guards the measure: the ASA teardown tail as it was (lazy reason before optional groups, then
    // \s*$)
    Pattern quadratic = Pattern.compile("^a(?:\\s+(?<r>.*?))?(?:\\s+from\\s+(?<i>\\S+))?\\s*$");
    assertThat(firstQuadraticInput(quadratic)).isNotNull();
    assertThat(firstQuadraticInput(Pattern.compile("^a(?:\\s++(?<r>.*+))?$"))).isNull();
  }

  /** A description of the first input that ran over budget, or null when all stayed linear. */
  private static String firstQuadraticInput(Pattern p) {
    for (String input : hostileInputs(p)) {
      for (PatternSteps.Mode mode :
          List.of(PatternSteps.Mode.FIND_ALL, PatternSteps.Mode.MATCHES)) {
        try {
          PatternSteps.count(p, input, mode);
        } catch (PatternSteps.OverBudget | StackOverflowError over) {
          return mode + " on " + describe(input);
        }
      }
    }
    return null;
  }

  private static List<String> common() {
    List<String> inputs = new ArrayList<>();
    for (String piece : PIECES) {
      inputs.add(repeat(piece, LENGTH));
      inputs.add(repeat(piece, LENGTH / 2) + repeat(" ", LENGTH / 2) + "x");
    }
    return inputs;
  }

  /**
   * The common runs, then runs of the pattern's own text: its samples, their prefixes, its loops.
   */
  private static List<String> hostileInputs(Pattern p) {
    Set<String> own = new LinkedHashSet<>();
    for (String sample : Skeletons.of(p.pattern())) {
      own.add(repeat(sample, LENGTH));
    }
    for (String prefix : spread(List.copyOf(Skeletons.prefixes(p.pattern())))) {
      own.add(prefix + repeat(" ", LENGTH) + END);
      own.add(repeat(prefix, LENGTH) + END);
    }
    for (String[] loop : spread(Skeletons.loops(p.pattern()))) {
      own.add(loop[0] + repeat(loop[1], LENGTH) + END);
    }
    return concat(COMMON, List.copyOf(own));
  }

  /**
   * At most PER_KIND of {@code all}, evenly spread and always with the last (the longest prefix).
   */
  private static <T> List<T> spread(List<T> all) {
    int stride = Math.max(1, (all.size() + PER_KIND - 1) / PER_KIND);
    List<T> some = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i -= stride) {
      some.add(all.get(i));
    }
    return some;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String repeat(String piece, int length) {
    StringBuilder sb = new StringBuilder(length + piece.length());
    while (sb.length() < length) {
      sb.append(piece);
    }
    return sb.toString();
  }

  private static String describe(String input) {
    String head = input.length() > 80 ? input.substring(0, 80) : input;
    return input.length()
        + " chars starting \""
        + head.replace("\n", "\\n").replace("\t", "\\t").replace("\u2028", "\\u2028")
        + "\"";
  }

  /**
   * Every static Pattern of every dev.regdoc class, also inside static lists and records, by field
   * name.
   */
  static Map<String, Pattern> staticPatterns()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root =
        Path.of(WorkLimit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    try (Stream<Path> files = Files.walk(root.resolve("dev/regdoc"))) {
      names =
          files
              .map(f -> root.relativize(f).toString())
              .filter(f -> f.endsWith(".class"))
              .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .toList();
    }
    Map<String, Pattern> found = new LinkedHashMap<>();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, LinearPatternsTest.class.getClassLoader());
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && mayHoldPatterns(f.getGenericType())) {
          f.setAccessible(true);
          try {
            collect(name + "." + f.getName(), f.get(null), found);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return found;
  }

  private static boolean mayHoldPatterns(Type t) {
    if (t instanceof Class<?> c) {
      return c == Pattern.class
          || c.isArray() && mayHoldPatterns(c.getComponentType())
          || c.isRecord()
              && Stream.of(c.getRecordComponents()).anyMatch(r -> r.getType() == Pattern.class);
    }
    return t instanceof ParameterizedType pt
        && Stream.of(pt.getActualTypeArguments()).anyMatch(LinearPatternsTest::mayHoldPatterns);
  }

  private static void collect(String name, Object value, Map<String, Pattern> found)
      throws IllegalAccessException {
    if (value instanceof Pattern p) {
      found.put(name, p);
    } else if (value instanceof Collection<?> c) {
      int i = 0;
      for (Object o : c) {
        collect(name + "[" + i++ + "]", o, found);
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collect(name + "[" + e.getKey() + "]", e.getValue(), found);
      }
    } else if (value instanceof Object[] a) {
      for (int i = 0; i < a.length; i++) {
        collect(name + "[" + i + "]", a[i], found);
      }
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent r : value.getClass().getRecordComponents()) {
        if (r.getType() == Pattern.class) {
          try {
            r.getAccessor().setAccessible(true);
            collect(name, r.getAccessor().invoke(value), found);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }
}
