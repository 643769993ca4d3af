package dev.regdoc.conversation;

import dev.regdoc.knowledge.Lang;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which language to answer in: the user's choice, else the language of their message, else the
 * platform's or case's.
 */
final class Languages {
  private static final Pattern JAPANESE =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  /**
   * A token that names something rather than says it: a file name, a path, an address, an
   * identifier with digits (SEP0024142DDF24). Such tokens are the same in every language.
   */
  private static final Pattern NAME_TOKEN = Pattern.compile("\\w\\.\\w|[/\\\\@\\d]");

  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}+");

  /**
   * English words that make a sentence: fewer ("yes please", "phone.pcap") do not outvote the
   * language a user's platform or case already says.
   */
  static final int ENGLISH_SENTENCE_WORDS = 3;

  private Languages() {}

  static Optional<Lang> detect(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (JAPANESE.matcher(text).find()) {
      return Optional.of(Lang.JA);
    }
    return englishWords(text) >= ENGLISH_SENTENCE_WORDS ? Optional.of(Lang.EN) : Optional.empty();
  }

  /** English words outside names, counted up to a sentence's worth. */
  private static int englishWords(String text) {
    int words = 0;
    for (String token : text.split("\\s++")) {
      if (NAME_TOKEN.matcher(token).find()) {
        continue;
      }
      Matcher m = ENGLISH_WORD.matcher(token);
      while (m.find()) {
        if (++words >= ENGLISH_SENTENCE_WORDS) {
          return words;
        }
      }
    }
    return words;
  }

  static Lang choose(String userChoice, String text, String platformHint, String caseLang) {
    return Lang.fromTag(userChoice)
        .or(() -> detect(text))
        .or(() -> Lang.fromTag(platformHint))
        .or(() -> Lang.fromTag(caseLang))
        .orElse(Lang.EN);
  }
}
