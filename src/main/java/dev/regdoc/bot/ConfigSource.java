package dev.regdoc.bot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The config as a tree of values plus where each key was given ("config FILE, line N" or
 * "-Dregdoc.KEY"), so that an error found while binding can name its place.
 */
final class ConfigSource {
  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .build();

  private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> places = new HashMap<>();
  private String filePlace = "";

  /** The keys of a YAML file; none when {@code yaml} is null. */
  static ConfigSource of(Path yaml) {
    ConfigSource s = new ConfigSource();
    if (yaml != null) {
      s.readFile(yaml);
    }
    return s;
  }

  private void readFile(Path yaml) {
    String where = "config " + yaml;
    filePlace = where;
    String text;
    try {
      text = Files.readString(yaml);
    } catch (NoSuchFileException e) {
      throw new ConfigException(where + ": no such file", e);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read (" + e.getMessage() + ")", e);
    }
    try {
      JsonNode root = YAML.readTree(text);
      if (root != null && !root.isMissingNode() && !root.isNull()) {
        if (!root.isObject()) {
          throw new ConfigException(
              where + ", line 1: must be sections of key: value lines, not a single value");
        }
        tree.setAll((ObjectNode) root);
      }
      recordLines(where, text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      if (problem.startsWith("Duplicate field '")) {
        String key = problem.substring("Duplicate field '".length(), problem.lastIndexOf('\''));
        throw new ConfigException(
            placeOfLine(where, line) + ": " + fullKey(e, key) + " is given twice");
      }
      throw new ConfigException(placeOfLine(where, line) + ": not valid YAML: " + problem, e);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Each key's line, as "a.b"; list items are not keys. */
  private void recordLines(String where, String text) throws IOException {
    try (JsonParser p = YAML.createParser(text)) {
      Deque<String> path = new ArrayDeque<>();
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          String key = join(path, p.currentName());
          places.putIfAbsent(key, placeOfLine(where, p.currentTokenLocation().getLineNr()));
          JsonToken value = p.nextToken();
          if (value == JsonToken.START_OBJECT) {
            path.addLast(p.currentName());
          } else if (value == JsonToken.START_ARRAY) {
            p.skipChildren();
          }
        } else if (t == JsonToken.END_OBJECT && !path.isEmpty()) {
          path.removeLast();
        }
      }
    }
  }

  /** Sets {@code key} ("web.port") to {@code value} as text, over what the file said. */
  void override(String key, String value) {
    override(key, value, "-Dregdoc." + key);
  }

  /** As {@link #override(String, String)}, given by {@code place} (an option: "--data-dir"). */
  void override(String key, String value, String place) {
    ObjectNode node = tree;
    String[] parts = key.split("\\.", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], TextNode.valueOf(value));
    places.put(key, place);
  }

  /** Every key given, as "a.b". */
  Set<String> keys() {
    return Set.copyOf(places.keySet());
  }

  ObjectNode tree() {
    return tree;
  }

  /** Where {@code key} (or else its nearest section) was given. */
  String placeOf(String key) {
    for (String k = key;
        !k.isEmpty();
        k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
      String p = places.get(k);
      if (p != null) {
        return p;
      }
    }
    return filePlace.isEmpty() ? "config" : filePlace;
  }

  /** The value given for {@code key} as the user wrote it, or "" when none. */
  String textOf(String key) {
    JsonNode n = tree;
    for (String part : key.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    return n == null || n.isNull() ? "" : n.isValueNode() ? n.asText() : n.toString();
  }

  private static String placeOfLine(String where, int line) {
    return line > 0 ? where + ", line " + line : where;
  }

  /** The duplicate key with its section ("web.port"), from where the parser stopped. */
  private static String fullKey(JsonProcessingException e, String key) {
    if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
      String path = p.getParsingContext().pathAsPointer().toString();
      path = path.replaceFirst("^/", "").replace('/', '.');
      return path.endsWith(key) ? path : key;
    }
    return key;
  }

  private static String join(Deque<String> path, String key) {
    return path.isEmpty() ? key : String.join(".", path) + "." + key;
  }
}
