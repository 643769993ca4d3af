package dev.regdoc.knowledge;

import java.util.Objects;

/**
 * One human text in English and Japanese. Both are present and non-blank once the loader has
 * accepted it.
 */
public record Text(String en, String ja) {
  public Text {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(ja, "ja");
  }

  public String get(Lang lang) {
    return lang == Lang.JA ? ja : en;
  }
}
