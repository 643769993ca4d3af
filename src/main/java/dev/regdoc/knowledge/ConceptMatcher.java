package dev.regdoc.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the concept a free-text question is about. Titles and aliases are compared
 * case-insensitively after NFKC normalisation (so full-width letters match), with punctuation and
 * hyphens treated as spaces. ASCII aliases must not touch other letters or digits; Japanese aliases
 * match anywhere. The longest matching alias wins; aliases of the question's language are tried
 * first, then those of the other language (engineers mix English terms into Japanese).
 */
final class ConceptMatcher {
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s　]+");
  private static final Pattern SPACE_BY_JAPANESE =
      Pattern.compile("(?<=[^\\x00-\\x7F]) (?=\\S)|(?<=\\S) (?=[^\\x00-\\x7F])");

  /** A normalised title or alias; an ASCII one must stand as a word of its own. */
  private record Key(String text, boolean word, Concept concept) {
    boolean matches(String q) {
      if (!word) {
        return q.contains(text);
      }
      for (int at = q.indexOf(text); at >= 0; at = q.indexOf(text, at + 1)) {
        int end = at + text.length();
        if ((at == 0 || !letterOrDigit(q.charAt(at - 1)))
            && (end == q.length() || !letterOrDigit(q.charAt(end)))) {
          return true;
        }
      }
      return false;
    }

    /** The letters and digits an ASCII alias may not touch; the question is lower-case. */
    private static boolean letterOrDigit(char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    }
  }

  private final List<Key> en = new ArrayList<>();
  private final List<Key> ja = new ArrayList<>();

  ConceptMatcher(List<Concept> concepts) {
    for (Concept c : concepts) {
      add(en, c.title().en(), c);
      add(ja, c.title().ja(), c);
      c.aliases().en().forEach(a -> add(en, a, c));
      c.aliases().ja().forEach(a -> add(ja, a, c));
    }
  }

  Optional<Concept> find(String question, Lang lang) {
    if (question == null || question.isBlank()) {
      return Optional.empty();
    }
    String q = normalize(question);
    Optional<Concept> hit = best(lang == Lang.JA ? ja : en, q);
    return hit.isPresent() ? hit : best(lang == Lang.JA ? en : ja, q);
  }

  private static Optional<Concept> best(List<Key> keys, String q) {
    Key best = null;
    for (Key k : keys) {
      if (k.matches(q) && (best == null || k.text().length() > best.text().length())) {
        best = k;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.concept());
  }

  private static void add(List<Key> keys, String phrase, Concept c) {
    String text = normalize(phrase);
    if (!text.isEmpty()) {
      keys.add(new Key(text, text.chars().allMatch(ch -> ch < 128), c));
    }
  }

  /**
   * Lower-case, NFKC, punctuation to spaces, single spaces; Japanese text keeps no spaces between
   * words.
   */
  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    n = PUNCTUATION.matcher(n).replaceAll(" ").trim();
    // Spaces between Japanese characters, or between Japanese and Latin, are optional in how people
    // type.
    return SPACE_BY_JAPANESE.matcher(n).replaceAll("");
  }
}
