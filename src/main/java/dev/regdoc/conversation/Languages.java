package dev.regdoc.conversation;

import dev.regdoc.knowledge.Lang;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which language to answer in: the user's choice, else the language of their message, else the
 * platform's or case's.
 */
final class Languages {
  private static final Pattern JAPANESE =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
  private static final Pattern ENGLISH_WORDS =
      Pattern.compile("(?i)\\b(?!sep[0-9a-f])[a-z]{2,}\\b.*\\b[a-z]{2,}\\b");

  private Languages() {}

  static Optional<Lang> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (JAPANESE.matcher(text).find()) {
      return Optional.of(Lang.JA);
    }
    return ENGLISH_WORDS.matcher(text).find() ? Optional.of(Lang.EN) : Optional.empty();
  }

  static Lang choose(String userChoice, String text, String platformHint, String caseLang) {
    return Lang.fromTag(userChoice)
        .or(() -> detect(text))
        .or(() -> Lang.fromTag(platformHint))
        .or(() -> Lang.fromTag(caseLang))
        .orElse(Lang.EN);
  }
}
