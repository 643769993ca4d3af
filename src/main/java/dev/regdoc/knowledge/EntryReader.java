package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one YAML entry, reporting every problem (missing or blank text, en/ja
 * mismatch, undeclared placeholder, unknown field) to {@link Problems} under the entry's file and
 * label instead of failing at the first. Methods return a usable stand-in value when a field is
 * bad, so reading can go on.
 */
final class EntryReader {
  private final String file;
  private final String label;
  private final JsonNode node;
  private final Problems problems;
  private final Set<String> declared = new LinkedHashSet<>();
  private final Set<String> used = new HashSet<>();

  EntryReader(String file, String label, JsonNode node, Problems problems) {
    this.file = file;
    this.label = label;
    this.node = node;
    this.problems = problems;
  }

  /** A reader for a nested object, e.g. one question of a case study. */
  EntryReader child(JsonNode child, String childLabel) {
    return new EntryReader(file, label + " " + childLabel, child, problems);
  }

  /** Placeholders the texts of this entry may use. */
  void declare(Collection<String> names) {
    declared.addAll(names);
  }

  void problem(String message) {
    problems.add(file, label, message);
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  String string(String field) {
    String s = optionalString(field);
    if (s == null) {
      problem(field + ": missing");
      return "";
    }
    return s;
  }

  String optionalString(String field) {
    if (!has(field)) {
      return null;
    }
    JsonNode v = node.get(field);
    if (!v.isValueNode() || v.asText().isBlank()) {
      problem(field + ": must be a non-empty value");
      return null;
    }
    return v.asText().trim();
  }

  int integer(String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
      problem(field + ": must be a whole number");
      return -1;
    }
    return v.intValue();
  }

  boolean flag(String field) {
    if (!has(field)) {
      return false;
    }
    JsonNode v = node.get(field);
    if (!v.isBoolean()) {
      problem(field + ": must be true or false");
      return false;
    }
    return v.booleanValue();
  }

  <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
    String s = string(field);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(s)) {
        return e;
      }
    }
    if (!s.isEmpty()) {
      List<String> allowed = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        allowed.add(e.name().toLowerCase(Locale.ROOT));
      }
      problem(field + ": '" + s + "' is not one of " + allowed);
    }
    return fallback;
  }

  /** An optional list of plain strings (ids, codes); empty when absent. */
  List<String> strings(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode v = node.get(field);
    if (!v.isArray()) {
      problem(field + ": must be a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        problem(field + "[" + i + "]: must be a non-empty value");
      } else {
        out.add(item.asText().trim());
      }
    }
    return out;
  }

  JsonNode raw(String field) {
    return node.get(field);
  }

  Text text(String field) {
    if (!has(field)) {
      problem(field + ": missing (needs en and ja)");
      return new Text("", "");
    }
    return readText(field, node.get(field));
  }

  Text optionalText(String field) {
    return has(field) ? readText(field, node.get(field)) : null;
  }

  private Text readText(String field, JsonNode v) {
    if (!v.isObject()) {
      problem(field + ": must be an object with en and ja");
      return new Text("", "");
    }
    unknownKeys(field, v, Set.of("en", "ja"));
    String en = scalar(field, v, Lang.EN);
    String ja = scalar(field, v, Lang.JA);
    samePlaceholders(field, Placeholders.find(en), Placeholders.find(ja));
    return new Text(en, ja);
  }

  private String scalar(String field, JsonNode obj, Lang lang) {
    JsonNode v = obj.get(lang.key());
    String path = field + "." + lang.key();
    if (v == null || v.isNull()) {
      problem(path + ": missing");
      return "";
    }
    if (!v.isValueNode()) {
      problem(path + ": must be text");
      return "";
    }
    if (v.asText().isBlank()) {
      problem(path + ": empty text");
      return "";
    }
    checkPlaceholders(path, v.asText());
    return v.asText().trim();
  }

  TextList textList(String field) {
    if (!has(field)) {
      problem(field + ": missing (needs en and ja lists)");
      return new TextList(List.of(), List.of());
    }
    JsonNode v = node.get(field);
    if (!v.isObject()) {
      problem(field + ": must be an object with en and ja lists");
      return new TextList(List.of(), List.of());
    }
    unknownKeys(field, v, Set.of("en", "ja"));
    List<String> en = list(field, v, Lang.EN, true);
    List<String> ja = list(field, v, Lang.JA, true);
    if (en.size() != ja.size()) {
      problem(field + ": en has " + en.size() + " items but ja has " + ja.size());
      int n = Math.min(en.size(), ja.size());
      return new TextList(en.subList(0, n), ja.subList(0, n));
    }
    for (int i = 0; i < en.size(); i++) {
      samePlaceholders(
          field + "[" + i + "]", Placeholders.find(en.get(i)), Placeholders.find(ja.get(i)));
    }
    return new TextList(en, ja);
  }

  Aliases aliases(String field) {
    if (!has(field) || !node.get(field).isObject()) {
      problem(field + ": missing (needs en and ja lists)");
      return new Aliases(List.of(), List.of());
    }
    JsonNode v = node.get(field);
    unknownKeys(field, v, Set.of("en", "ja"));
    return new Aliases(list(field, v, Lang.EN, false), list(field, v, Lang.JA, false));
  }

  private List<String> list(String field, JsonNode obj, Lang lang, boolean placeholders) {
    JsonNode v = obj.get(lang.key());
    String path = field + "." + lang.key();
    if (v == null || v.isNull()) {
      problem(path + ": missing");
      return List.of();
    }
    if (!v.isArray()) {
      problem(path + ": must be a list");
      return List.of();
    }
    if (v.isEmpty()) {
      problem(path + ": empty list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String itemPath = path + "[" + i + "]";
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        problem(itemPath + ": empty text");
        out.add("");
        continue;
      }
      if (placeholders) {
        checkPlaceholders(itemPath, item.asText());
      }
      out.add(item.asText().trim());
    }
    return out;
  }

  private void checkPlaceholders(String path, String text) {
    for (String name : Placeholders.find(text)) {
      used.add(name);
      if (!declared.contains(name)) {
        problem(path + ": placeholder {" + name + "} is not declared under values");
      }
    }
  }

  private void samePlaceholders(String path, Set<String> en, Set<String> ja) {
    if (!en.equals(ja)) {
      problem(path + ": en uses placeholders " + en + " but ja uses " + ja);
    }
  }

  private void unknownKeys(String path, JsonNode obj, Set<String> allowed) {
    obj.fieldNames()
        .forEachRemaining(
            k -> {
              if (!allowed.contains(k)) {
                problem(path + ": unknown field '" + k + "'");
              }
            });
  }

  /** Reports fields not in {@code allowed} and declared placeholders that no text uses. */
  void finish(Set<String> allowed) {
    if (!node.isObject()) {
      return;
    }
    unknownKeys("entry", node, allowed);
    for (String name : declared) {
      if (!used.contains(name)) {
        problem("values: {" + name + "} is declared but no text uses it");
      }
    }
  }
}
