package dev.regdoc.knowledge;

import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an answer names what each file looked like ({@code file-status.yaml}), by the kind regdoc
 * judged from its content: English keeps the reader's own description ({@code {detail}}), other
 * languages name the kind and what the file held ({@code {frames}}, {@code {lines}}, ...). Every
 * input kind must have its phrase: a kind without one made every upload of such a file fail.
 */
public final class FileStatusWords {
  public static final String NAME = "file-status.yaml";

  private final Map<String, Text> phrases;

  private FileStatusWords(Map<String, Text> phrases) {
    this.phrases = phrases;
  }

  public static FileStatusWords load(Path dir) {
    List<String> problems = new ArrayList<>();
    Map<String, Text> phrases =
        SlotTexts.read(SlotTexts.readFile(dir, NAME), NAME, "phrases", "phrase", problems);
    Arrays.stream(InputKind.values())
        .map(FileStatusWords::key)
        .filter(k -> !phrases.containsKey(k))
        .forEach(k -> problems.add(NAME + ": phrase '" + k + "' is missing"));
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(dir.toString(), problems);
    }
    return new FileStatusWords(phrases);
  }

  /** What {@code file} looked like, in {@code lang}. */
  public String looksLike(FileReport file, Lang lang) {
    Map<String, Object> values =
        Map.of(
            "detail", file.looksLike(),
            "frames", file.counts().getOrDefault("frames", 0L),
            "lines", file.counts().getOrDefault("lines", 0L),
            "recognised", file.counts().getOrDefault("recognised", 0L),
            "entries", file.counts().getOrDefault("entries", 0L));
    return Placeholders.fill(phrases.get(key(file.kind())).get(lang), values);
  }

  private static String key(InputKind kind) {
    return "file-kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
