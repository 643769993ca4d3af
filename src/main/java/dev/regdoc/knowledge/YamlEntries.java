package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Helpers shared by the per-file parsers: walking a list of entries and labelling them for problem
 * messages.
 */
final class YamlEntries {
  private YamlEntries() {}

  /**
   * One entry of a list: its node and a reader labelled by its id (or position when the id is
   * missing).
   */
  record Entry(JsonNode node, EntryReader reader) {}

  static List<Entry> list(
      JsonNode parent,
      String key,
      String file,
      String where,
      String kind,
      String idField,
      Problems problems) {
    if (parent == null) {
      return List.of(); // the file or section itself was reported already
    }
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      problems.add(file, where, "'" + key + "' is missing");
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(file, where, "'" + key + "' must be a list");
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String label = label(kind, item, idField, i);
      if (!item.isObject()) {
        problems.add(file, label, "must be a mapping of fields");
        continue;
      }
      out.add(new Entry(item, new EntryReader(file, label, item, problems)));
    }
    return out;
  }

  static String label(String kind, JsonNode item, String idField, int index) {
    JsonNode id = item != null && item.isObject() ? item.get(idField) : null;
    if (id != null && id.isValueNode() && !id.isNull() && !id.asText().isBlank()) {
      return id.isNumber() ? kind + " " + id.asText() : kind + " '" + id.asText() + "'";
    }
    return kind + " #" + (index + 1);
  }

  /** Reports top-level keys of a file (or section) that the schema does not know. */
  static void onlyKeys(
      JsonNode node, Set<String> allowed, String file, String where, Problems problems) {
    if (node == null) {
      return; // reported by whoever found it missing
    }
    if (!node.isObject()) {
      problems.add(file, where, "must be a mapping");
      return;
    }
    node.fieldNames()
        .forEachRemaining(
            k -> {
              if (!allowed.contains(k)) {
                problems.add(file, where, "unknown field '" + k + "'");
              }
            });
  }
}
