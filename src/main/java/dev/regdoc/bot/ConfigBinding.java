package dev.regdoc.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.regdoc.common.WholeNumbers;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Binds a {@link ConfigSource} to a {@link ConfigFile} with Jackson, turning its errors into one
 * line that names the place, the key and the problem: an unknown key with the closest known one, a
 * value of the wrong type or out of range with the range, a secret that belongs in the environment.
 */
final class ConfigBinding {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // "files:" with nothing under it is an empty section, as if absent
          .withCoercionConfig(
              LogicalType.POJO,
              c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
          .build();

  /** Keys that would hold a secret, with the environment variable that gives it instead. */
  private static final Map<String, String> SECRETS = Map.of("db.password", "REGDOC_DB_PASSWORD");

  private ConfigBinding() {}

  static ConfigFile bind(ConfigSource source) {
    refuseNumbersBeyondLong(source, "", source.tree());
    try {
      return MAPPER.treeToValue(source.tree(), ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      String key = keyOf(e);
      throw new ConfigException(source.placeOf(key) + ": " + unknownKey(key, e), e);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof ConfigFile.OutOfRange r) {
        throw new ConfigException(
            source.placeOf(r.key) + ": " + wrongValue(r.key, source.textOf(r.key)), e);
      }
      String key = keyOf(e);
      throw new ConfigException(source.placeOf(key) + ": " + key + ": " + firstLine(e), e);
    } catch (MismatchedInputException e) {
      String key = keyOf(e);
      throw new ConfigException(
          source.placeOf(key) + ": " + wrongType(key, e.getTargetType(), source.textOf(key)), e);
    } catch (JsonMappingException e) {
      String key = keyOf(e);
      throw new ConfigException(source.placeOf(key) + ": " + key + ": " + firstLine(e), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source.placeOf("") + ": " + firstLine(e), e);
    }
  }

  /**
   * A whole number too large for a long fails in Jackson's reader, where the key is no longer
   * known: it is refused here first, by key.
   */
  private static void refuseNumbersBeyondLong(ConfigSource source, String prefix, JsonNode node) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && !v.canConvertToLong()) {
        throw new ConfigException(source.placeOf(key) + ": " + wrongValue(key, v.asText()));
      }
      refuseNumbersBeyondLong(source, key + ".", v);
    }
  }

  private static String firstLine(JsonProcessingException e) {
    return e.getOriginalMessage().lines().findFirst().orElse("").strip();
  }

  private static String unknownKey(String key, UnrecognizedPropertyException e) {
    String secretVariable = SECRETS.get(key);
    if (secretVariable != null) {
      return key + " is never read from the config; set the environment variable " + secretVariable;
    }
    String name = e.getPropertyName();
    String section =
        key.length() > name.length() ? key.substring(0, key.length() - name.length() - 1) : "";
    String prefix = section.isEmpty() ? "" : section + ".";
    if (section.isEmpty() && knownKeys().contains(name)) {
      // the flat form ("web.port: 8081"), which the file writes nested
      int dot = name.indexOf('.');
      return key
          + " is written nested: "
          + name.substring(dot + 1)
          + ": under "
          + name.substring(0, dot)
          + ":";
    }
    List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
    return known.stream()
        .filter(k -> distance(k, name) <= Math.max(2, name.length() / 3))
        .min(Comparator.comparingInt((String k) -> distance(k, name)))
        .map(k -> "unknown key " + key + " (did you mean " + prefix + k + "?)")
        .orElseGet(
            () ->
                "unknown key "
                    + key
                    + (section.isEmpty()
                        ? " (the sections are: "
                        : " (the keys of " + section + " are: ")
                    + String.join(", ", known)
                    + ")");
  }

  private static String wrongType(String key, Class<?> target, String given) {
    if (target != null && Number.class.isAssignableFrom(target)
        || ConfigFile.RANGES.containsKey(key)) {
      return wrongValue(key, given);
    }
    if (target != null && target.isRecord()) {
      return key
          + " must be a section with the keys "
          + keysOf(target)
          + ", not \""
          + WholeNumbers.echo(given)
          + "\"";
    }
    if (target != null && Collection.class.isAssignableFrom(target)) {
      return key + " must be a list of names, not \"" + WholeNumbers.echo(given) + "\"";
    }
    return key + " must be a single value, not \"" + WholeNumbers.echo(given) + "\"";
  }

  private static String wrongValue(String key, String given) {
    ConfigFile.Range r = ConfigFile.RANGES.get(key);
    String range = r == null ? "" : " from " + r.min() + " to " + r.max();
    return key + " must be a whole number" + range + ", not \"" + WholeNumbers.echo(given) + "\"";
  }

  /** Every key a config may set, as "section.key". */
  static Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>();
    for (var section : ConfigFile.class.getRecordComponents()) {
      for (String key : keysOf(section.getType()).split(", ")) {
        keys.add(section.getName() + "." + key);
      }
    }
    return keys;
  }

  /** The keys of a section record as written in the file. */
  private static String keysOf(Class<?> section) {
    JavaType type = MAPPER.constructType(section);
    return MAPPER.getDeserializationConfig().introspect(type).findProperties().stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.joining(", "));
  }

  /** "web.port" from the error's path. */
  private static String keyOf(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m)) {
      return "";
    }
    return m.getPath().stream()
        .map(JsonMappingException.Reference::getFieldName)
        .filter(Objects::nonNull)
        .collect(Collectors.joining("."));
  }

  private static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
