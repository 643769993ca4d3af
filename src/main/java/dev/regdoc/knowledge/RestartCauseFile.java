package dev.regdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses {@code restart-causes.yaml}. */
final class RestartCauseFile {
  static final String NAME = "restart-causes.yaml";

  record Content(Text note, List<RestartCause> causes) {}

  private RestartCauseFile() {}

  static Content parse(JsonNode root, Problems problems) {
    YamlEntries.onlyKeys(root, Set.of("note", "causes"), NAME, null, problems);
    Text note =
        root != null && root.isObject()
            ? new EntryReader(NAME, "top level", root, problems).text("note")
            : new Text("", "");
    List<RestartCause> causes = new ArrayList<>();
    for (YamlEntries.Entry e :
        YamlEntries.list(root, "causes", NAME, null, "restart cause", "index", problems)) {
      EntryReader r = e.reader();
      boolean disputed = r.flag("disputed");
      List<RestartCause.Reading> readings = readings(r, e.node());
      if (disputed && readings.size() < 2) {
        r.problem("readings: a disputed cause needs both readings");
      }
      causes.add(
          new RestartCause(
              r.integer("index"),
              r.string("phone_string"),
              r.optionalString("rfoos_name"),
              r.flag("inferred"),
              disputed,
              r.flag("format_string"),
              r.text("meaning"),
              readings,
              r.strings("findings")));
      r.finish(
          Set.of(
              "index",
              "phone_string",
              "rfoos_name",
              "inferred",
              "disputed",
              "format_string",
              "meaning",
              "readings",
              "findings"));
    }
    return new Content(note, causes);
  }

  private static List<RestartCause.Reading> readings(EntryReader r, JsonNode node) {
    JsonNode list = node.get("readings");
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      r.problem("readings: must be a list");
      return List.of();
    }
    List<RestartCause.Reading> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      EntryReader c = r.child(list.get(i), "readings[" + i + "]");
      if (!list.get(i).isObject()) {
        c.problem("must be a mapping");
        continue;
      }
      out.add(new RestartCause.Reading(c.string("source"), c.text("meaning")));
      c.finish(Set.of("source", "meaning"));
    }
    return out;
  }
}
