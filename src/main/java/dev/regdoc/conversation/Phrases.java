package dev.regdoc.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Placeholders;
import dev.regdoc.knowledge.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What regdoc says in chat ({@code knowledge-base/chat.yaml}), each phrase in English and Japanese.
 */
public final class Phrases {
  static final String FILE = "chat.yaml";
  private final Map<String, Text> phrases;

  private Phrases(Map<String, Text> phrases) {
    this.phrases = phrases;
  }

  /** Loads and checks that every phrase has both languages. */
  public static Phrases load(Path kbDir) {
    Path file = kbDir.resolve(FILE);
    try {
      JsonNode root = new YAMLMapper().readTree(file.toFile()).path("phrases");
      Map<String, Text> map = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String en = e.getValue().path("en").asText("");
        String ja = e.getValue().path("ja").asText("");
        if (en.isBlank() || ja.isBlank()) {
          throw new IllegalStateException(
              file + ": phrase " + e.getKey() + " needs both en and ja");
        }
        map.put(e.getKey(), new Text(en, ja));
      }
      return new Phrases(map);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
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
