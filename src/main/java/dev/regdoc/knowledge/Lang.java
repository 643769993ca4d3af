package dev.regdoc.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The languages every human text in the knowledge base is written in. */
public enum Lang {
  EN,
  JA;

  /** The key used in the YAML files: {@code en} or {@code ja}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a language tag such as {@code ja}, {@code ja-JP} or {@code EN}. */
  public static Optional<Lang> fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
    for (Lang lang : values()) {
      if (lang.key().equals(primary)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }
}
