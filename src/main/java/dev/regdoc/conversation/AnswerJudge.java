package dev.regdoc.conversation;

import dev.regdoc.conversation.LessonGuides.KeyPoint;
import dev.regdoc.conversation.LessonGuides.LearnerWords;
import dev.regdoc.knowledge.Lang;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a learner's answer against a question's key points, deterministically: the answer and each
 * phrasing are normalised the same way (NFKC, lower case, punctuation to blanks, numbers to one
 * spelling, "115.00" = "115", each synonym to its group's mark, a plural "s" dropped), then a
 * phrasing counts when every one of its words is in the answer, in any order. Words of ASCII
 * letters and digits must stand alone ("arp" is not in "sharp"); Japanese words match anywhere,
 * character by character, because Japanese does not separate words with blanks.
 */
final class AnswerJudge {
  /** Marks stand for synonym groups: private-use characters, never typed and never digits. */
  private static final char MARK = '\uE000';

  private static final Pattern NUMBER = Pattern.compile("(?<!\\d)\\d[\\d.,]*+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\uE000-\\uF8FF.]+");
  private static final Pattern LOOSE_DOTS = Pattern.compile("(?<!\\d)\\.|\\.(?!\\d)");
  private static final Pattern NUMERIC_RUN = Pattern.compile("(?<![\\d.:])(?=[.:]*+\\d)[\\d.:]++");
  private static final Pattern ASCII_WORD = Pattern.compile("[a-z0-9.]+");

  private final Pattern synonyms;
  private final Map<String, String> markOf = new HashMap<>();
  private final Set<String> dontKnow = new HashSet<>();
  private final NegationScope negation;

  AnswerJudge(LearnerWords words) {
    List<String> members = new ArrayList<>();
    for (int g = 0; g < words.synonyms().size(); g++) {
      String mark = " " + (char) (MARK + g) + " ";
      for (String m : words.synonyms().get(g)) {
        String key = basic(m);
        markOf.putIfAbsent(key, mark);
        members.add(key);
      }
    }
    members.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    List<String> alternatives = new ArrayList<>();
    for (String m : members) {
      String quoted = Pattern.quote(m);
      alternatives.add(
          ASCII_WORD.matcher(m.replace(" ", "")).matches()
              ? "(?<![a-z0-9])" + quoted + "(?![a-z0-9])"
              : quoted);
    }
    this.synonyms = alternatives.isEmpty() ? null : Pattern.compile(String.join("|", alternatives));
    this.negation = new NegationScope(words.negation());
    for (Lang lang : Lang.values()) {
      words.dontKnow().get(lang).forEach(d -> dontKnow.add(basic(d)));
    }
  }

  /** Whether the answer says only "I don't know" (or nothing at all). */
  boolean isDontKnow(String answer) {
    String b = basic(answer);
    return b.isBlank() || dontKnow.contains(b);
  }

  /**
   * What the answer does with each key point: made (said, and not under a negation), or
   * contradicted (said only under a negation: "it is not the same sequence number").
   */
  record Reading(List<KeyPoint> made, List<KeyPoint> contradicted) {}

  /** The answer with what it says under a negation blanked ("not 55, 57" gives 57 first). */
  String affirmed(String answer) {
    return negation.positive(answer);
  }

  /** The key points the answer makes, in the order given. */
  List<KeyPoint> covered(String answer, List<KeyPoint> points, Lang lang) {
    return read(answer, points, lang).made();
  }

  Reading read(String answer, List<KeyPoint> points, Lang lang) {
    String said = normal(answer);
    String affirmed = normal(negation.positive(answer));
    List<KeyPoint> made = new ArrayList<>();
    List<KeyPoint> contradicted = new ArrayList<>();
    for (KeyPoint p : points) {
      if (makes(said, affirmed, p, lang)) {
        made.add(p);
      } else if (makes(said, said, p, lang)) {
        contradicted.add(p);
      }
    }
    return new Reading(made, contradicted);
  }

  /**
   * A phrasing without a negator must appear in what the answer affirms; one that holds a negator
   * ("not log") is itself about a negation and is matched against the whole answer.
   */
  private boolean makes(String said, String affirmed, KeyPoint p, Lang lang) {
    List<String> phrasings = new ArrayList<>(p.phrasings().get(lang));
    // people type the English terms inside Japanese answers, and the other way round
    phrasings.addAll(p.phrasings().get(lang == Lang.JA ? Lang.EN : Lang.JA));
    for (String phrasing : phrasings) {
      String in = negation.negates(phrasing) ? said : affirmed;
      if (allWordsIn(normal(phrasing), in)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allWordsIn(String phrasing, String said) {
    String[] words = phrasing.strip().split(" +");
    if (words.length == 0 || words[0].isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (!contains(said, w)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(String said, String word) {
    if (!ASCII_WORD.matcher(word).matches()) {
      return said.contains(word);
    }
    Matcher m =
        Pattern.compile("(?<![a-z0-9.])" + Pattern.quote(word) + "(?![a-z0-9]|\\.\\d)")
            .matcher(said);
    return m.find();
  }

  /** NFKC, lower case, apostrophes dropped, punctuation (but a decimal point) to blanks. */
  private static String basic(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replace("'", "").replace("’", "");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    s = LOOSE_DOTS.matcher(s).replaceAll(" ");
    StringBuilder words = new StringBuilder();
    for (String w : s.strip().split(" +")) {
      words.append(singular(w)).append(' ');
    }
    return words.toString().strip();
  }

  /** The form answers and phrasings are compared in. */
  String normal(String text) {
    String s = " " + basic(text) + " ";
    if (synonyms != null) {
      Matcher m = synonyms.matcher(s);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(markOf.get(m.group())));
      }
      m.appendTail(out);
      s = out.toString();
    }
    return " " + numbers(s).strip().replaceAll(" +", " ") + " ";
  }

  /** Each number on its own, in one spelling: "1,000" = "1000", "115.00" = "115". */
  private static String numbers(String s) {
    Matcher m = NUMBER.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      // the run is taken whole (possessive, so hostile input stays linear); separators after its
      // last digit are not part of the number and go back into the text
      String run = m.group();
      int end = run.length();
      while (end > 0 && !Character.isDigit(run.charAt(end - 1))) {
        end--;
      }
      String n = run.substring(0, end);
      String after = run.substring(end);
      String plain = n.matches("\\d{1,3}(,\\d{3})+") ? n.replace(",", "") : n.replace(',', '.');
      String spelled;
      try {
        spelled = new BigDecimal(plain).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        spelled = plain;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(" " + spelled + " " + after));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String singular(String w) {
    boolean plural =
        w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && w.chars().allMatch(c -> c < 128);
    return plural ? w.substring(0, w.length() - 1) : w;
  }

  /** The first number the answer holds that is not part of an address or a time of day, or null. */
  static Double firstNumber(String answer) {
    Matcher m = NUMERIC_RUN.matcher(Normalizer.normalize(answer, Normalizer.Form.NFKC));
    while (m.find()) {
      String run = m.group().replaceAll("\\.$", "");
      if (run.matches("\\d+(?:\\.\\d+)?")) {
        return Double.valueOf(run);
      }
    }
    return null;
  }
}
