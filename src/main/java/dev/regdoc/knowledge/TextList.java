package dev.regdoc.knowledge;

import java.util.List;

/**
 * An ordered list of human texts; the English and Japanese lists have the same length, item by
 * item.
 */
public record TextList(List<String> en, List<String> ja) {
  public TextList {
    en = List.copyOf(en);
    ja = List.copyOf(ja);
    if (en.size() != ja.size()) {
      throw new IllegalArgumentException("en has " + en.size() + " items, ja has " + ja.size());
    }
  }

  public List<String> get(Lang lang) {
    return lang == Lang.JA ? ja : en;
  }

  public int size() {
    return en.size();
  }

  /** Item {@code i} in both languages. */
  public Text item(int i) {
    return new Text(en.get(i), ja.get(i));
  }
}
