package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short notes that say what a piece of evidence shows ({@code evidence-notes.yaml}), keyed, in
 * English and Japanese, with {0}, {1}... filled by the values a rule passes. Validated on load.
 */
public final class EvidenceNotes {
  public static final String NAME = "evidence-notes.yaml";
  private static final Pattern SLOT = Pattern.compile("\\{(\\d)\\}");

  private final Map<String, Text> notes;

  private EvidenceNotes(Map<String, Text> notes) {
    this.notes = notes;
  }

  public static EvidenceNotes load(Path dir) {
    Path file = dir.resolve(NAME);
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new KnowledgeBaseException(dir.toString(), List.of(NAME + ": cannot be read: " + e.getMessage()));
    }
    Map<String, Text> notes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    JsonNode all = root == null ? null : root.get("notes");
    if (all == null || !all.isObject()) {
      throw new KnowledgeBaseException(dir.toString(), List.of(NAME + ": needs a 'notes' map"));
    }
    all.fields().forEachRemaining(e -> {
      String en = e.getValue().path("en").asText("");
      String ja = e.getValue().path("ja").asText("");
      if (en.isBlank() || ja.isBlank()) {
        problems.add(NAME + ": note '" + e.getKey() + "': needs both en and ja");
      } else if (!slots(en).equals(slots(ja))) {
        problems.add(NAME + ": note '" + e.getKey() + "': en and ja use different {n} slots");
      } else {
        notes.put(e.getKey(), new Text(en, ja));
      }
    });
    if (!problems.isEmpty()) {
      throw new KnowledgeBaseException(dir.toString(), problems);
    }
    return new EvidenceNotes(notes);
  }

  public boolean has(String key) {
    return notes.containsKey(key);
  }

  public Set<String> keys() {
    return notes.keySet();
  }

  /** The note in {@code lang} with its slots filled; an unknown key is shown as it is. */
  public String text(String key, List<String> args, Lang lang) {
    Text t = notes.get(key);
    if (t == null) {
      return key;
    }
    Matcher m = SLOT.matcher(t.get(lang));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(i < args.size() ? args.get(i) : "?"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Set<Integer> slots(String s) {
    Set<Integer> out = new TreeSet<>();
    Matcher m = SLOT.matcher(s);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }
}
