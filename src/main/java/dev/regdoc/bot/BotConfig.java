package dev.regdoc.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bot's configuration as flat keys ("web.port", "db.url"): from an optional YAML file, nested
 * sections joined with dots, then overridden by {@code -Dregdoc.KEY=value}. Secrets are never read
 * from here, only from the environment (see bot/regdoc.example.yaml).
 */
public final class BotConfig {
  private final Map<String, String> values;

  private BotConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static BotConfig load(Path yaml) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (yaml != null) {
      try {
        flatten("", new YAMLMapper().readTree(yaml.toFile()), flat);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the config " + yaml + ": " + e.getMessage(), e);
      }
    }
    System.getProperties()
        .forEach(
            (k, v) -> {
              if (k.toString().startsWith("regdoc.")) {
                flat.put(k.toString().substring("regdoc.".length()), v.toString());
              }
            });
    return new BotConfig(flat);
  }

  public static BotConfig of(Map<String, String> values) {
    return new BotConfig(values);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      StringBuilder s = new StringBuilder();
      node.forEach(n -> s.append(s.isEmpty() ? "" : ",").append(n.asText()));
      out.put(prefix, s.toString());
    } else {
      out.put(prefix, node.asText());
    }
  }

  public Map<String, String> values() {
    return values;
  }
}
