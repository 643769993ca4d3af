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
  private record Key(String text, Pattern word, Concept concept) {
    boolean matches(String q) {
      return word == null ? q.contains(text) : word.matcher(q).find();
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
      boolean ascii = text.chars().allMatch(ch -> ch < 128);
      Pattern word =
          ascii ? Pattern.compile("(?<![a-z0-9])" + Pattern.quote(text) + "(?![a-z0-9])") : null;
      keys.add(new Key(text, word, c));
    }
  }

  /**
   * Lower-case, NFKC, punctuation to spaces, single spaces; Japanese text keeps no spaces between
   * words.
   */
  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    n = n.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s　]+", " ").trim();
    // Spaces between Japanese characters, or between Japanese and Latin, are optional in how people
    // type.
    n = n.replaceAll("(?<=[^\\x00-\\x7F]) (?=\\S)|(?<=\\S) (?=[^\\x00-\\x7F])", "");
    return n;
  }
}
