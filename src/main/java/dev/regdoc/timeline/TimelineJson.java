package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Fact;

/** The JSON form of a timeline (schema {@value Timeline#SCHEMA}, documented in docs/json.md). */
public final class TimelineJson {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private TimelineJson() {}

  public static ObjectNode toTree(Timeline t) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", Timeline.SCHEMA);
    root.set("files", MAPPER.valueToTree(t.files()));
    root.set("devices", MAPPER.valueToTree(t.devices()));
    root.set("clockOffsets", MAPPER.valueToTree(t.clockOffsets()));
    root.set("events", MAPPER.valueToTree(t.events()));
    ArrayNode configs = root.putArray("configs");
    for (Fact c : t.configs()) {
      ObjectNode n = MAPPER.valueToTree(c);
      n.put("type", c.getClass().getSimpleName());
      configs.add(n);
    }
    ArrayNode anomalies = root.putArray("anomalies");
    for (Anomaly a : t.anomalies()) {
      ObjectNode n = anomalies.addObject();
      n.put("file", a.origin().file());
      if (a.origin().frame() > 0) {
        n.put("frame", a.origin().frame());
      }
      if (a.origin().line() > 0) {
        n.put("line", a.origin().line());
      }
      if (a.origin().time() != null) {
        n.put("time", a.origin().time().toString());
      }
      n.put("code", a.code());
      n.put("detail", a.detail());
    }
    return root;
  }

  public static String render(Timeline t) {
    try {
      return MAPPER.writeValueAsString(toTree(t));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline could not be written as JSON", e);
    }
  }
}
