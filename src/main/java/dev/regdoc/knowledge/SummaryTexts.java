package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a summary ({@code summaries.yaml}): when many phones share one cause (a site outage)
 * the answer gives, per finding code, the cause's short name, how many phones, the time span, the
 * phones with the most events and how to get one phone's detail. A finding's short names (as a
 * cause, as a rival) are in its own file, {@code findings/<code>.yaml}; a rival that is no finding
 * of its own (random loss) is named in {@code summaries.yaml}. English and Japanese, {0}, {1}...
 * filled in order.
 */
public final class SummaryTexts {
  public static final String NAME = "summaries.yaml";

  /** The phrases every renderer of a summary uses. */
  public static final Set<String> PHRASES =
      Set.of("title", "span", "top", "top-device", "detail-cli", "detail-chat", "omitted");

  private final Map<String, Text> phrases;
  private final Map<String, Text> causes;
  private final Map<String, Text> rivals;

  private SummaryTexts(
      Map<String, Text> phrases, Map<String, Text> causes, Map<String, Text> rivals) {
    this.phrases = phrases;
    this.causes = causes;
    this.rivals = rivals;
  }

  public static SummaryTexts load(Path dir) {
    JsonNode root = SlotTexts.readFile(dir, NAME);
    List<String> problems = new ArrayList<>();
    Map<String, Text> phrases = SlotTexts.read(root, NAME, "phrases", "phrase", problems);
    Map<String, Text> causes = SlotTexts.optional(root, NAME, "causes", "cause", problems);
    Map<String, Text> rivals = SlotTexts.optional(root, NAME, "rivals", "rival", problems);
    for (FindingFiles.One f : FindingFiles.read(dir)) {
      named(f, "cause", causes, problems);
      named(f, "rival", rivals, problems);
    }
    PHRASES.stream()
        .filter(k -> !phrases.containsKey(k))
        .sorted()
        .forEach(k -> problems.add(NAME + ": phrase '" + k + "' is missing"));
    phrases.keySet().stream()
        .filter(k -> !PHRASES.contains(k))
        .forEach(k -> problems.add(NAME + ": phrase '" + k + "' is not used"));
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(dir.toString(), problems);
    }
    return new SummaryTexts(phrases, causes, rivals);
  }

  /** A finding file's own short name of this kind ("cause" or "rival"), when it has one. */
  private static void named(
      FindingFiles.One f, String field, Map<String, Text> into, List<String> problems) {
    if (f.root() == null || !f.root().has(field)) {
      return;
    }
    Text t = SlotTexts.text(f.root().get(field), f.name(), field, f.code(), problems);
    if (t != null) {
      SlotTexts.merge(into, Map.of(f.code(), t), f.name(), field, problems);
    }
  }

  /** A phrase in {@code lang} with its slots filled. */
  public String phrase(String key, Lang lang, Object... args) {
    Text t = phrases.get(key);
    return t == null
        ? key
        : SlotTexts.fill(t.get(lang), Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The cause's short name, or the code itself when the file has none. */
  public String cause(String code, Lang lang) {
    Text t = causes.get(code);
    return t == null ? code : t.get(lang);
  }

  /**
   * What a cause is called where it is weighed against others (a ruled-out rival, a candidate); its
   * summary name when it has no such name.
   */
  public String rival(String code, Lang lang) {
    Text t = rivals.get(code);
    return t == null ? cause(code, lang) : t.get(lang);
  }

  public Set<String> rivalCodes() {
    return rivals.keySet();
  }

  public Set<String> causeCodes() {
    return causes.keySet();
  }
}
