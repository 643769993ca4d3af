package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code checklist.yaml}. The order of the steps is their order in the file. */
final class ChecklistFile {
  static final String NAME = "checklist.yaml";

  private ChecklistFile() {}

  static List<ChecklistStep> parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(root, Set.of("steps"), NAME, null, problems);
    List<ChecklistStep> steps = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(root, "steps", NAME, null, "step", "id", problems)) {
      EntryReader r = e.reader();
      steps.add(
          new ChecklistStep(
              r.string("id"),
              steps.size() + 1,
              r.text("title"),
              r.text("why"),
              r.textList("how"),
              r.strings("settles")));
      r.finish(Set.of("id", "title", "why", "how", "settles"));
    }
    return steps;
  }
}
