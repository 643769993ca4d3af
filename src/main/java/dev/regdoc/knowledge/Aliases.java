package dev.regdoc.knowledge;

import java.util.List;

/**
 * Phrases an engineer might type for a concept. These are matching keys, not translations of each
 * other, so the two lists may differ in length.
 */
public record Aliases(List<String> en, List<String> ja) {
  public Aliases {
    en = List.copyOf(en);
    ja = List.copyOf(ja);
  }

  public List<String> get(Lang lang) {
    return lang == Lang.JA ? ja : en;
  }
}
