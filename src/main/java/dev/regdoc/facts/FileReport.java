package dev.regdoc.facts;

import java.util.List;
import java.util.Map;

/**
 * What regdoc made of one file the user gave (or one entry of an archive).
 *
 * @param file the name as the user knows it; archive entries as "bundle.zip!/path/in/zip"
 * @param looksLike what the content looked like
 * @param read true when at least part of it was read
 * @param counts what it held, e.g. frames, decoded, lines, recognised
 * @param problems user-facing sentences in English, each naming the file
 * @param problemKeys the same problems, each with its key and raw values for other languages
 */
public record FileReport(
    String file,
    InputKind kind,
    String looksLike,
    boolean read,
    Map<String, Long> counts,
    List<String> problems,
    List<FileProblem> problemKeys) {

  /** A report whose problems are English sentences with no key. */
  public FileReport(
      String file,
      InputKind kind,
      String looksLike,
      boolean read,
      Map<String, Long> counts,
      List<String> problems) {
    this(
        file,
        kind,
        looksLike,
        read,
        counts,
        problems,
        problems.stream().map(FileProblem::plain).toList());
  }

  /** A report whose problems are keyed; the English sentences are their texts. */
  public static FileReport keyed(
      String file,
      InputKind kind,
      String looksLike,
      boolean read,
      Map<String, Long> counts,
      List<FileProblem> problems) {
    return new FileReport(
        file,
        kind,
        looksLike,
        read,
        counts,
        problems.stream().map(FileProblem::text).toList(),
        List.copyOf(problems));
  }

  /** True for a file that was not read because it is neither a log nor a configuration. */
  public boolean skipped() {
    return kind == InputKind.OTHER_TEXT;
  }
}
