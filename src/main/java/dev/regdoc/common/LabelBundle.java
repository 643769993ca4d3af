package dev.regdoc.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The fixed words of a layer below the knowledge base (the pictures, the timeline table), in
 * English or Japanese, from {@code labels*.properties} beside the layer's classes. Loading one is a
 * properties read, so a command that never answers in prose does not pay for the knowledge base. An
 * unknown language gets English; an unknown key is shown as itself.
 */
public final class LabelBundle {
  private final ResourceBundle bundle;
  private final String lang;

  private LabelBundle(ResourceBundle bundle, String lang) {
    this.bundle = bundle;
    this.lang = lang;
  }

  /**
   * @param baseName e.g. {@code dev.regdoc.charts.labels}
   */
  public static LabelBundle of(String baseName, String lang) {
    String l = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
    Locale locale = l.equals("ja") ? Locale.JAPANESE : Locale.ROOT;
    ResourceBundle b =
        ResourceBundle.getBundle(
            baseName,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new LabelBundle(b, l);
  }

  /** "en" or "ja". */
  public String lang() {
    return lang;
  }

  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
