package dev.regdoc.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regdoc.knowledge.KnowledgeYaml;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Placeholders;
import dev.regdoc.knowledge.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What regdoc says in chat ({@code knowledge-base/chat.yaml}) and the web chat's first words and
 * page chrome ({@code web-chat.yaml}), the team-chat front ends' own words ({@code
 * team-chat.yaml}), each phrase in English and Japanese. How a file's status is named ({@code
 * file-status.yaml}) is the knowledge layer's, as answers outside chat use it too.
 */
public final class Phrases {
  static final String FILE = "chat.yaml";
  static final List<String> FILES = List.of(FILE, "web-chat.yaml", "team-chat.yaml");

  /** The words of a page's own chrome start with this; {@link #page} gives them without it. */
  private static final String PAGE = "page-";

  private final Map<String, Text> phrases;

  private Phrases(Map<String, Text> phrases) {
    this.phrases = phrases;
  }

  /** Loads and checks that every phrase has both languages and is defined once. */
  public static Phrases load(Path kbDir) {
    Map<String, Text> map = new HashMap<>();
    for (String name : FILES) {
      read(kbDir.resolve(name), map);
    }
    return new Phrases(map);
  }

  private static void read(Path file, Map<String, Text> into) {
    try {
      JsonNode root = KnowledgeYaml.readTree(file).path("phrases");
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String en = e.getValue().path("en").asText("");
        String ja = e.getValue().path("ja").asText("");
        if (en.isBlank() || ja.isBlank()) {
          throw new IllegalStateException(
              file + ": phrase " + e.getKey() + " needs both en and ja");
        }
        if (into.put(e.getKey(), new Text(en, ja)) != null) {
          throw new IllegalStateException(
              file + ": phrase " + e.getKey() + " is already defined in another file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The words of a page's own chrome in {@code lang}, by key without "page-", unfilled ({n} is the
   * page's to fill).
   */
  public Map<String, String> page(Lang lang) {
    Map<String, String> out = new TreeMap<>();
    phrases.forEach(
        (k, v) -> {
          if (k.startsWith(PAGE)) {
            out.put(k.substring(PAGE.length()), v.get(lang));
          }
        });
    return out;
  }

  /**
   * The phrase in {@code lang} with {name} placeholders filled from {@code values} (name, value,
   * name, value...).
   */
  public String get(String key, Lang lang, Object... values) {
    Text phrase = phrases.get(key);
    if (phrase == null) {
      throw new IllegalArgumentException("no phrase " + key + " in " + FILE);
    }
    Map<String, Object> named = new HashMap<>();
    for (int i = 0; i + 1 < values.length; i += 2) {
      named.put(String.valueOf(values[i]), values[i + 1]);
    }
    return Placeholders.fill(phrase.get(lang), named); // also "{count|file|files}"
  }

  public boolean has(String key) {
    return phrases.containsKey(key);
  }
}
