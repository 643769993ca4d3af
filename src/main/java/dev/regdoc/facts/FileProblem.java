package dev.regdoc.facts;

import java.util.List;

/**
 * One problem with a file: a key of the knowledge base's file-problem words and the raw values it
 * names (the file first, then numbers and names), so a renderer can word it in the answer's
 * language; {@code text} is the English sentence the JSON and English answers keep.
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
}
