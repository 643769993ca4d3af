package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code concepts.yaml}. */
final class ConceptFile {
  static final String NAME = "concepts.yaml";

  private ConceptFile() {}

  static List<Concept> parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(root, Set.of("concepts"), NAME, null, problems);
    List<Concept> concepts = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(root, "concepts", NAME, null, "concept", "id", problems)) {
      EntryReader r = e.reader();
      concepts.add(
          new Concept(
              r.string("id"),
              r.text("title"),
              r.aliases("aliases"),
              r.text("summary"),
              r.text("detail"),
              r.optionalText("caveat"),
              r.strings("related")));
      r.finish(Set.of("id", "title", "aliases", "summary", "detail", "caveat", "related"));
    }
    return concepts;
  }
}
