package dev.regdoc.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of each rule's consequence, by rule name, read from the DRL source. */
final class RuleTexts {
  private static final Pattern RULE =
      Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\".*?^then\\b(.*?)^end\\b");

  private RuleTexts() {}

  static Map<String, String> consequences(List<String> sources) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String source : sources) {
      Matcher m = RULE.matcher(source);
      while (m.find()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }
}
