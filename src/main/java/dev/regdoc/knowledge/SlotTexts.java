package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyed texts in English and Japanese whose {0}, {1}... slots are filled in order (evidence notes,
 * summary words): read from one map of a YAML file, each checked for both languages and the same
 * slots.
 */
final class SlotTexts {
  private static final Pattern SLOT = Pattern.compile("\\{(\\d)\\}");
  private static final Pattern PLURAL = Pattern.compile("\\{(\\d)\\|([^{}|]*)\\|([^{}|]*)}");

  private SlotTexts() {}

  static JsonNode readFile(Path dir, String name) {
    try {
      return KnowledgeYaml.readTree(dir.resolve(name));
    } catch (IOException e) {
      throw new KnowledgeBaseException(
          dir.toString(), List.of(name + ": cannot be read: " + e.getMessage()));
    }
  }

  /**
   * The texts under {@code section}; every problem is added to {@code problems}, naming file,
   * section and key.
   */
  static Map<String, Text> read(
      JsonNode root, String file, String section, String what, List<String> problems) {
    Map<String, Text> out = new LinkedHashMap<>();
    JsonNode all = root == null ? null : root.get(section);
    if (all == null || !all.isObject()) {
      problems.add(file + ": needs a '" + section + "' map");
      return out;
    }
    all.fields()
        .forEachRemaining(
            e -> {
              Text t = text(e.getValue(), file, what, e.getKey(), problems);
              if (t != null) {
                out.put(e.getKey(), t);
              }
            });
    return out;
  }

  /** The texts under {@code section}, none when the file has no such section. */
  static Map<String, Text> optional(
      JsonNode root, String file, String section, String what, List<String> problems) {
    return root == null || !root.has(section)
        ? new LinkedHashMap<>()
        : read(root, file, section, what, problems);
  }

  /** One text of both languages with the same slots, or null after adding the problem. */
  static Text text(JsonNode node, String file, String what, String key, List<String> problems) {
    String en = node.path("en").asText("");
    String ja = node.path("ja").asText("");
    if (en.isBlank() || ja.isBlank()) {
      problems.add(file + ": " + what + " '" + key + "': needs both en and ja");
      return null;
    }
    if (!slots(en).equals(slots(ja))) {
      problems.add(file + ": " + what + " '" + key + "': en and ja use different {n} slots");
      return null;
    }
    return new Text(en, ja);
  }

  /**
   * Adds {@code more} to {@code into}; a key both already hold is a problem naming where it was
   * found the second time.
   */
  static void merge(
      Map<String, Text> into,
      Map<String, Text> more,
      String file,
      String what,
      List<String> problems) {
    more.forEach(
        (k, t) -> {
          if (into.putIfAbsent(k, t) != null) {
            problems.add(file + ": " + what + " '" + k + "' is defined twice");
          }
        });
  }

  /**
   * {@code text} with its slots filled from {@code args}; a slot without a value shows "?". {@code
   * {0|one|other}} picks a word by the count in slot 0 (English "1 event", "2 events"), as {@link
   * Placeholders} does for names.
   */
  static String fill(String text, List<String> args) {
    Matcher p = PLURAL.matcher(text);
    StringBuilder words = new StringBuilder();
    while (p.find()) {
      int i = Integer.parseInt(p.group(1));
      p.appendReplacement(
          words,
          Matcher.quoteReplacement(
              i < args.size() && Placeholders.one(args.get(i)) ? p.group(2) : p.group(3)));
    }
    p.appendTail(words);
    text = words.toString();
    Matcher m = SLOT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(i < args.size() ? args.get(i) : "?"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static Set<Integer> slots(String s) {
    Set<Integer> out = new TreeSet<>();
    Matcher m = SLOT.matcher(s);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }
}
