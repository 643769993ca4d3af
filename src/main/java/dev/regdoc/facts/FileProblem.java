package dev.regdoc.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * One problem with a file: a key of the knowledge base's file-problem words and the raw values it
 * names (the file first, then numbers and names), so a renderer can word it in the answer's
 * language; {@code text} is the English sentence the JSON and English answers keep.
 *
 * <p>A reader that does not name the file in its sentences gives its problems without it ({@link
 * #of(String, String, Object...)} with only the other values), and ingest names the file ({@link
 * #named}).
 *
 * @param key the word's key (answer-words.yaml), or null for a sentence not yet keyed
 */
public record FileProblem(String key, List<Object> values, String text) {

  public FileProblem {
    values = List.copyOf(values);
  }

  /** A sentence with no key: every language shows the English text. */
  public static FileProblem plain(String text) {
    return new FileProblem(null, List.of(), text);
  }

  public static FileProblem of(String key, String text, Object... values) {
    return new FileProblem(key, List.of(values), text);
  }

  /**
   * "line 3 is 300000000 characters long; only the first 65536 were read": a line longer than a
   * reader holds, said without the file.
   *
   * @param unit "characters" or "bytes", as the reader counts
   */
  public static FileProblem lineCut(long line, long fullLength, long kept, String unit) {
    return of(
        unit.equals("bytes") ? "file-line-cut-bytes" : "file-line-cut",
        "line "
            + line
            + " is "
            + fullLength
            + " "
            + unit
            + " long; only the first "
            + kept
            + " were read",
        line,
        fullLength,
        kept);
  }

  /**
   * "N more problems of the same kinds were not listed", said without the file, when a reader lists
   * only the first of many.
   */
  public static FileProblem moreNotListed(long omitted) {
    return of(
        "file-more-problems",
        omitted + " more problems of the same kinds were not listed",
        omitted);
  }

  /**
   * This problem said of {@code file}: the sentence starts with its name (unless it already does)
   * and the name is the first of the values. A problem whose values start with the file already is
   * returned as it is.
   */
  public FileProblem named(String file) {
    boolean hasName = !values.isEmpty() && file.equals(values.get(0));
    if (hasName || (key == null && text.startsWith(file + ":"))) {
      return this;
    }
    List<Object> all = new ArrayList<>();
    all.add(file);
    all.addAll(values);
    return new FileProblem(key, key == null ? List.of() : all, file + ": " + text);
  }
}
