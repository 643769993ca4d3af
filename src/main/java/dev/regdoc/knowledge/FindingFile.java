package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code findings.yaml}. Placeholders are checked against each finding's {@code values}. */
final class FindingFile {
  static final String NAME = "findings.yaml";

  private FindingFile() {}

  static List<FindingEntry> parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(root, Set.of("findings"), NAME, null, problems);
    List<FindingEntry> findings = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(root, "findings", NAME, null, "finding", "code", problems)) {
      EntryReader r = e.reader();
      if (!r.has("values")) {
        r.problem("values: missing (write [] when no text uses placeholders)");
      }
      List<String> values = r.strings("values");
      r.declare(values);
      findings.add(
          new FindingEntry(
              r.string("code"),
              values,
              r.text("title"),
              r.text("explanation"),
              r.textList("fix"),
              r.strings("related_concepts"),
              r.strings("checklist"),
              r.strings("case_studies")));
      r.finish(
          Set.of(
              "code",
              "values",
              "title",
              "explanation",
              "fix",
              "related_concepts",
              "checklist",
              "case_studies"));
    }
    return findings;
  }
}
