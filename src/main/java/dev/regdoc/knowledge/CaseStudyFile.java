package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code case-studies.yaml}. */
final class CaseStudyFile {
  static final String NAME = "case-studies.yaml";

  private CaseStudyFile() {}

  static List<CaseStudy> parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(root, Set.of("cases"), NAME, null, problems);
    List<CaseStudy> cases = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(root, "cases", NAME, null, "case", "id", problems)) {
      EntryReader r = e.reader();
      cases.add(
          new CaseStudy(
              r.string("id"),
              r.string("protocol"),
              r.text("title"),
              r.text("symptom"),
              r.textList("collected"),
              r.textList("observations"),
              numbers(r, e.node().get("numbers")),
              r.text("root_cause"),
              r.textList("fix"),
              questions(r, e.node().get("questions")),
              r.strings("findings"),
              r.strings("concepts"),
              r.strings("checklist")));
      r.finish(
          Set.of(
              "id",
              "protocol",
              "title",
              "symptom",
              "collected",
              "observations",
              "numbers",
              "root_cause",
              "fix",
              "questions",
              "findings",
              "concepts",
              "checklist"));
    }
    return cases;
  }

  private static Map<String, Object> numbers(EntryReader r, JsonNode node) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      r.problem("numbers: must be a mapping of name to number");
      return out;
    }
    node.fields()
        .forEachRemaining(
            f -> {
              JsonNode v = f.getValue();
              if (v.isNumber()) {
                out.put(f.getKey(), v.numberValue());
              } else if (v.isArray() && !v.isEmpty()) {
                List<Number> list = new ArrayList<>();
                v.forEach(
                    x -> {
                      if (x.isNumber()) {
                        list.add(x.numberValue());
                      }
                    });
                if (list.size() != v.size()) {
                  r.problem("numbers." + f.getKey() + ": every item must be a number");
                }
                out.put(f.getKey(), List.copyOf(list));
              } else {
                r.problem("numbers." + f.getKey() + ": must be a number or a list of numbers");
              }
            });
    return out;
  }

  private static List<CaseStudy.Question> questions(EntryReader r, JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      r.problem("questions: needs at least one question");
      return List.of();
    }
    List<CaseStudy.Question> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      EntryReader q = r.child(node.get(i), "questions[" + i + "]");
      if (!node.get(i).isObject()) {
        q.problem("must be a mapping with q and a");
        continue;
      }
      out.add(new CaseStudy.Question(q.text("q"), q.text("a")));
      q.finish(Set.of("q", "a"));
    }
    return out;
  }
}
