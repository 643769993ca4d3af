package dev.regdoc.charts;

import dev.regdoc.common.LabelBundle;

/**
 * The words the pictures show, in English or Japanese ({@code labels*.properties} beside this
 * class). An unknown language gets English.
 */
public final class Labels {
  private final LabelBundle bundle;

  private Labels(LabelBundle bundle) {
    this.bundle = bundle;
  }

  public static Labels of(String lang) {
    return new Labels(LabelBundle.of("dev.regdoc.charts.labels", lang));
  }

  /** "en" or "ja". */
  public String lang() {
    return bundle.lang();
  }

  public String get(String key, Object... args) {
    return bundle.get(key, args);
  }
}
