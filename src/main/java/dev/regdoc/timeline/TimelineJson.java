package dev.regdoc.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import dev.regdoc.facts.FileReport;
import dev.regdoc.timeline.event.EventDetails;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Builds the serializers of a timeline's parts (its events' envelope, every kind of details, the
   * devices, offsets and file reports) into the mapper's cache, so that writing a timeline later
   * only writes. A command starts this on a thread of its own while it reads its files: building
   * them inspects some thirty classes by reflection, a fifth of writing a large timeline. Nothing
   * depends on it having run; a type it could not prepare is prepared (or fails) at its first use.
   *
   * @return how many types it prepared
   */
  public static int prepare() {
    SerializerProvider provider = MAPPER.getSerializerProviderInstance();
    int prepared = 0;
    for (Class<?> type : parts()) {
      try {
        provider.findValueSerializer(type);
        prepared++;
      } catch (JsonMappingException | RuntimeException e) {
        // left to the write, which reports it in its own words
      }
    }
    return prepared;
  }

  /** The types a timeline's JSON is made of that have serializers of their own. */
  static List<Class<?>> parts() {
    List<Class<?>> types =
        new ArrayList<>(
            List.of(TimelineEvent.class, DeviceInfo.class, ClockOffset.class, FileReport.class));
    concrete(EventDetails.class, types);
    return types;
  }

  /** The records of a sealed hierarchy. */
  private static void concrete(Class<?> type, List<Class<?>> out) {
    if (type.isSealed()) {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        concrete(sub, out);
      }
    } else if (!type.isInterface()) {
      out.add(type);
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
