package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.regdoc.facts.Anomaly;
import dev.regdoc.facts.Fact;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The JSON form of a timeline (schema {@value Timeline#SCHEMA}, documented in docs/json.md).
 *
 * <p>It is written as it is serialised, event by event, straight to the writer: a timeline of a
 * large capture never exists a second time as a JSON tree or as one string (for 440,000 packets
 * that pair was about 100 MB of heap and a third of the command's time).
 */
public final class TimelineJson {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new SimpleModule().addSerializer(Instant.class, new InstantAsText()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private TimelineJson() {}

  /** As JavaTimeModule writes an instant (ISO-8601 text), without its formatter's objects. */
  private static final class InstantAsText extends StdSerializer<Instant> {
    InstantAsText() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant t, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      char[] text = new char[40];
      g.writeString(text, 0, InstantText.write(t, text));
    }
  }

  /** Writes the timeline to {@code out} (without a final line break); does not close it. */
  public static void write(Timeline t, Writer out) throws IOException {
    try (JsonGenerator g =
        MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      g.writeStartObject();
      g.writeStringField("schema", Timeline.SCHEMA);
      g.writeFieldName("files");
      MAPPER.writeValue(g, t.files());
      g.writeFieldName("devices");
      MAPPER.writeValue(g, t.devices());
      g.writeFieldName("clockOffsets");
      MAPPER.writeValue(g, t.clockOffsets());
      g.writeFieldName("events");
      MAPPER.writeValue(g, t.events());
      g.writeArrayFieldStart("configs");
      for (Fact c : t.configs()) {
        // a configuration's own fields, then its kind (replacing a field of that name in place)
        ObjectNode n = MAPPER.valueToTree(c);
        n.put("type", c.getClass().getSimpleName());
        MAPPER.writeTree(g, n);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("anomalies");
      for (Anomaly a : t.anomalies()) {
        anomaly(g, a);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void anomaly(JsonGenerator g, Anomaly a) throws IOException {
    g.writeStartObject();
    writeNullable(g, "file", a.origin().file());
    if (a.origin().frame() > 0) {
      g.writeNumberField("frame", a.origin().frame());
    }
    if (a.origin().line() > 0) {
      g.writeNumberField("line", a.origin().line());
    }
    if (a.origin().time() != null) {
      g.writeStringField("time", a.origin().time().toString());
    }
    writeNullable(g, "code", a.code());
    writeNullable(g, "detail", a.detail());
    g.writeEndObject();
  }

  /** As the tree this replaced wrote it: a null text as JSON null, not left out. */
  private static void writeNullable(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  /** The whole timeline as one string; for small timelines (tests, the chat). */
  public static String render(Timeline t) {
    StringWriter s = new StringWriter();
    try {
      write(t, s);
    } catch (IOException e) {
      throw new UncheckedIOException("timeline could not be written as JSON", e);
    }
    return s.toString();
  }
}
