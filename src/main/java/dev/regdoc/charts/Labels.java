package dev.regdoc.charts;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the pictures show, in English or Japanese ({@code labels*.properties} beside this
 * class). An unknown language gets English.
 */
public final class Labels {
  private final ResourceBundle bundle;
  private final String lang;

  private Labels(ResourceBundle bundle, String lang) {
    this.bundle = bundle;
    this.lang = lang;
  }

  public static Labels of(String lang) {
    String l = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("ja") ? "ja" : "en";
    Locale locale = l.equals("ja") ? Locale.JAPANESE : Locale.ROOT;
    ResourceBundle b =
        ResourceBundle.getBundle(
            "dev.regdoc.charts.labels",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Labels(b, l);
  }

  /** "en" or "ja". */
  public String lang() {
    return lang;
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
