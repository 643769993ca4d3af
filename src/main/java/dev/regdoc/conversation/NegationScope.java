package dev.regdoc.conversation;

import dev.regdoc.knowledge.Aliases;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which parts of an answer are said under a negation ({@code teaching/words.yaml}, negation), so a
 * key point the learner denies ("it is NOT the same sequence number") is not counted as made. An
 * English negator reaches forward to the end of its clause (two cancel out); a Japanese one reaches
 * back to the start of its clause or to the negator before it, because Japanese negates after the
 * verb. A conditional negator ("without", "ないと") followed by another negation in the same sentence
 * is a double negation and turns nothing. Deterministic; the work is the answer's length times its
 * negators, and an answer is one chat line.
 */
final class NegationScope {
  private static final Pattern SENTENCE = Pattern.compile("(?<!\\d)\\.|\\.(?!\\d)|[!?;。！？；\\n]");
  private static final Pattern ASCII = Pattern.compile("[a-z0-9 ]+");

  /** The words that turn a point around, and their conditional forms; empty when none are given. */
  record Words(Aliases negators, Aliases conditional, Aliases notNegation, Aliases breaks) {
    static Words none() {
      Aliases empty = new Aliases(List.of(), List.of());
      return new Words(empty, empty, empty, empty);
    }
  }

  private final Pattern negator;
  private final Pattern exception;
  private final Pattern clauseBreak;
  private final Set<String> conditional = new LinkedHashSet<>();

  NegationScope(Words words) {
    List<String> all = new ArrayList<>(both(words.negators()));
    both(words.conditional()).forEach(c -> conditional.add(lower(c)));
    all.addAll(conditional);
    this.negator = alternation(all);
    this.exception = alternation(both(words.notNegation()));
    List<String> breaks = both(words.breaks());
    String punctuation = "[,:、，：]";
    Pattern words2 = alternation(breaks);
    this.clauseBreak =
        Pattern.compile(words2 == null ? punctuation : punctuation + "|" + words2.pattern());
  }

  /** Whether a phrasing itself holds a negator ("not log", "ログ not"): it is matched as written. */
  boolean negates(String phrasing) {
    return !negators(lower(phrasing)).isEmpty();
  }

  /** The answer with every part said under a negation blanked out (same length, lower case). */
  String positive(String answer) {
    String text = lower(answer);
    if (negator == null) {
      return text;
    }
    char[] out = text.toCharArray();
    int start = 0;
    Matcher s = SENTENCE.matcher(text);
    while (true) {
      boolean found = s.find();
      int end = found ? s.start() : text.length();
      sentence(text, start, end, out);
      if (!found) {
        break;
      }
      start = s.end();
    }
    return new String(out);
  }

  private void sentence(String text, int from, int to, char[] out) {
    List<int[]> negs = new ArrayList<>();
    for (int[] n : negators(text.substring(from, to))) {
      negs.add(new int[] {n[0] + from, n[1] + from, n[2]});
    }
    cancelConditionals(negs);
    int start = from;
    Matcher b = clauseBreak.matcher(text).region(from, to);
    while (true) {
      boolean found = b.find();
      int end = found ? b.start() : to;
      clause(text, start, end, negs, out);
      if (!found) {
        break;
      }
      start = b.end();
    }
  }

  /** "without X you cannot Y": the conditional and the next negator after it cancel out. */
  private static void cancelConditionals(List<int[]> negs) {
    for (int i = 0; i < negs.size(); i++) {
      if (negs.get(i)[2] == 1 && i + 1 < negs.size()) {
        negs.remove(i + 1);
        negs.remove(i);
        i--;
      }
    }
  }

  private static void clause(String text, int from, int to, List<int[]> negs, char[] out) {
    boolean forward = false;
    int back = from;
    for (int[] n : negs) {
      if (n[0] < from || n[1] > to) {
        continue;
      }
      if (ASCII.matcher(text.substring(n[0], n[1])).matches()) {
        forward = !forward;
        if (forward) {
          blank(out, n[1], to);
        } else {
          unblank(text, out, n[1], to);
        }
      } else {
        blank(out, back, n[0]);
        back = n[1];
      }
    }
  }

  private static void blank(char[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = ' ';
    }
  }

  private static void unblank(String text, char[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = text.charAt(i);
    }
  }

  /** The negators in {@code text}: start, end, 1 when conditional; not those inside exceptions. */
  private List<int[]> negators(String text) {
    List<int[]> out = new ArrayList<>();
    if (negator == null) {
      return out;
    }
    List<int[]> exceptions = new ArrayList<>();
    if (exception != null) {
      Matcher x = exception.matcher(text);
      while (x.find()) {
        exceptions.add(new int[] {x.start(), x.end()});
      }
    }
    Matcher m = negator.matcher(text);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      if (exceptions.stream().noneMatch(x -> x[0] < e && s < x[1])) {
        out.add(new int[] {s, e, conditional.contains(m.group()) ? 1 : 0});
      }
    }
    return out;
  }

  /** Longest first; ASCII members as whole words, Japanese ones anywhere. */
  private static Pattern alternation(List<String> members) {
    if (members.isEmpty()) {
      return null;
    }
    List<String> sorted =
        new ArrayList<>(new LinkedHashSet<>(members.stream().map(NegationScope::lower).toList()));
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    List<String> parts = new ArrayList<>();
    for (String m : sorted) {
      String q = Pattern.quote(m);
      parts.add(ASCII.matcher(m).matches() ? "(?<![a-z0-9])" + q + "(?![a-z0-9])" : q);
    }
    return Pattern.compile(String.join("|", parts));
  }

  private static List<String> both(Aliases a) {
    List<String> out = new ArrayList<>(a.en());
    out.addAll(a.ja());
    return out;
  }

  /** NFKC, lower case, apostrophes dropped: the same length rules as the judge's own reading. */
  private static String lower(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replace("'", "")
        .replace("’", "");
  }
}
