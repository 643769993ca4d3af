package dev.regdoc.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words around the values of an answer ({@code answer-words.yaml}): citations ("frames 8, 13"),
 * a ruled-out rival, an undetermined answer's candidates, and counted units with their plural.
 * English and Japanese, {0}, {1}... filled in order; every word the renderers use must be there,
 * and nothing else.
 */
public final class AnswerWords {
  public static final String NAME = "answer-words.yaml";

  /** The units a count can be rendered in; each has a "-one" and an "-other" word. */
  public enum Unit {
    MINUTES,
    SECONDS
  }

  static final Set<String> WORDS =
      Set.of(
          "frame",
          "frames",
          "line",
          "lines",
          "line-range",
          "list-separator",
          "ruled-out",
          "candidate",
          "minutes-one",
          "minutes-other",
          "seconds-one",
          "seconds-other",
          "below",
          "at-most",
          "phone-switch-port",
          "no-reason-code",
          "cycle-measured",
          "cycle-once",
          "cycle-once-reported",
          "cycle-matches-reported",
          "cycle-differs-reported",
          "report-evidence",
          "report-fix",
          "report-confidence",
          "report-caused-by",
          "report-files",
          "report-not-read",
          "report-skipped",
          "report-more",
          "report-more-alike",
          "report-partial",
          "report-while-reading",
          "report-while-judging",
          "device-not-in-files",
          "device-files-hold",
          "device-no-findings",
          "file-not-reached",
          "file-stopped-partly-read",
          "file-stopped-unread",
          "file-stopped-too-many-events",
          "file-not-reached-too-many-events",
          "file-not-found",
          "file-no-permission",
          "file-too-large",
          "file-unreadable",
          "file-no-reader",
          "file-empty",
          "file-unknown-format",
          "file-capture-unreadable",
          "file-expansion-limit",
          "file-gzip-damaged",
          "file-too-many-entries",
          "file-archive-damaged",
          "file-archive-no-entries",
          "file-ends-early",
          "file-nested-too-deep",
          "file-link-type-unread",
          "file-capture-interrupted",
          "file-capture-stopped",
          "file-capture-mixed-link-types",
          "file-capture-no-packets",
          "file-frame-numbers-lost",
          "file-snap-length-cut",
          "file-invalid-timestamps",
          "file-tcp-messages-dropped",
          "file-times-out-of-range",
          "file-anomaly-frames",
          "file-line-cut",
          "file-line-cut-bytes",
          "file-more-problems",
          "file-more-lines-cut",
          "file-line-binary",
          "file-lines-binary",
          "file-line-invalid-utf8",
          "file-lines-invalid-utf8",
          "file-line-broken",
          "file-lines-broken",
          "file-line-run-together",
          "file-lines-run-together",
          "file-config-no-interfaces",
          "file-config-no-nameif",
          "file-trace-sip-unreadable",
          "file-trace-sip-interleaved",
          "file-trace-other-service",
          "file-trace-no-records",
          "file-trace-no-utc-offset",
          "file-trace-date-from-sip",
          "file-trace-date-assumed",
          "file-trace-next-file-missing",
          "file-trace-previous-file-missing",
          "file-trace-records-left-out");

  private final Map<String, Text> words;

  private AnswerWords(Map<String, Text> words) {
    this.words = words;
  }

  public static AnswerWords load(Path dir) {
    List<String> problems = new ArrayList<>();
    Map<String, Text> words =
        SlotTexts.read(SlotTexts.readFile(dir, NAME), NAME, "words", "word", problems);
    WORDS.stream()
        .filter(k -> !words.containsKey(k))
        .sorted()
        .forEach(k -> problems.add(NAME + ": word '" + k + "' is missing"));
    words.keySet().stream()
        .filter(k -> !WORDS.contains(k))
        .forEach(k -> problems.add(NAME + ": word '" + k + "' is not used"));
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(dir.toString(), problems);
    }
    return new AnswerWords(words);
  }

  /** A word in {@code lang} with its slots filled. */
  public String word(String key, Lang lang, Object... args) {
    Text t = words.get(key);
    return t == null
        ? key
        : SlotTexts.fill(t.get(lang), Arrays.stream(args).map(String::valueOf).toList());
  }

  /**
   * A count with its unit: "1 minute", "2 minutes", "1.5 minutes", "2分". English uses the singular
   * for exactly 1 only; whole numbers show no decimals, others one.
   */
  public String count(double n, Unit unit, Lang lang) {
    String number =
        n == Math.rint(n) ? String.valueOf((long) n) : String.format(Locale.ROOT, "%.1f", n);
    String u = unit.name().toLowerCase(Locale.ROOT);
    return word(number.equals("1") ? u + "-one" : u + "-other", lang, number);
  }
}
