package dev.regdoc.diagnosis;

import dev.regdoc.facts.Fact;
import dev.regdoc.signals.Cited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conclusion a rule reached: a stable code (texts come from the knowledge base by this code), the
 * device, how sure, the evidence, the values that mattered, and the rules that fired. Rules build
 * it with the fluent methods below and insert it; nothing else changes it afterwards except
 * ranking.
 */
public final class Finding {
  /**
   * The code of the answer "one of these, the evidence does not decide": its values are the
   * candidates.
   */
  public static final String UNDETERMINED = "undetermined";

  private final String code;
  private final String device;
  private final Tier tier;
  private double confidence = 0.5;
  private final List<Evidence> evidence = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> rules = new ArrayList<>();
  private final List<RuledOut> ruledOut = new ArrayList<>();
  private final Map<String, Double> candidates = new LinkedHashMap<>();
  private String causedBy;

  private Finding(String code, String device, Tier tier) {
    this.code = code;
    this.device = device;
    this.tier = tier;
  }

  public static Finding of(String code, String device, Tier tier) {
    return new Finding(code, device, tier);
  }

  public Finding confidence(double c) {
    this.confidence = Math.max(0, Math.min(1, c));
    return this;
  }

  public Finding rule(String name) {
    rules.add(name);
    return this;
  }

  public Finding value(String key, Object v) {
    if (v != null) {
      values.put(key, v);
    }
    return this;
  }

  /** Cites a signal with a note key of the knowledge base and the values that fill it. */
  public Finding cite(Cited c, String note, Object... args) {
    evidence.addAll(evidenceOf(c, note, args));
    return this;
  }

  /** Cites every item, each a signal ({@link Cited}) or a fact. */
  public Finding cite(Collection<?> items, String note, Object... args) {
    evidence.addAll(evidenceOf(items, note, args));
    return this;
  }

  public Finding cite(Fact f, String note, Object... args) {
    evidence.addAll(evidenceOf(f, note, args));
    return this;
  }

  public Finding cite(String file, List<Long> frames, Instant time, String note, Object... args) {
    evidence.add(new Evidence(file, List.copyOf(frames), 0, time, note, strings(args)));
    return this;
  }

  /**
   * Records a rival this finding beat: {@code code} is the rival's finding code, {@code why} a note
   * key of the knowledge base filled by {@code args}, and {@code cited} what shows it: a signal
   * ({@link Cited}), a fact, or a collection of them, cited like the finding's own evidence. A root
   * cause's rivals are left out of the answer ({@link Diagnoser#rank}). Calls with the same code,
   * note and values add their citations to one entry.
   */
  public Finding ruledOut(String code, String why, Object cited, Object... args) {
    return ruledOut(code, why, evidenceOf(cited, why, args), strings(args));
  }

  /**
   * {@link #ruledOut(String, String, Object, Object...)} citing frames of a capture, or a whole
   * file (no frames, no time).
   */
  public Finding ruledOut(
      String code, String why, String file, List<Long> frames, Instant time, Object... args) {
    return ruledOut(
        code,
        why,
        List.of(new Evidence(file, List.copyOf(frames), 0, time, why, strings(args))),
        strings(args));
  }

  private Finding ruledOut(String code, String why, List<Evidence> cited, List<String> args) {
    for (int i = 0; i < ruledOut.size(); i++) {
      RuledOut r = ruledOut.get(i);
      if (r.code().equals(code) && r.why().equals(why) && r.args().equals(args)) {
        List<Evidence> more = new ArrayList<>(r.evidence());
        more.addAll(cited);
        ruledOut.set(i, new RuledOut(code, why, args, more));
        return this;
      }
    }
    ruledOut.add(new RuledOut(code, why, args, cited));
    return this;
  }

  /**
   * One of the candidates of an {@value #UNDETERMINED} finding, with its share of the confidence;
   * kept in order and passed on as the raw value {@code candidates: [{code, confidence}]}, which
   * the knowledge base words.
   */
  public Finding candidate(String code, double confidence) {
    candidates.put(code, Math.max(0, Math.min(1, confidence)));
    List<Map<String, Object>> raw = new ArrayList<>();
    candidates.forEach(
        (c, p) -> {
          // in this order in every run: Map.of iterates in an order chosen afresh by each JVM
          Map<String, Object> candidate = new LinkedHashMap<>();
          candidate.put("code", c);
          candidate.put("confidence", p);
          raw.add(Collections.unmodifiableMap(candidate));
        });
    values.put("candidates", List.copyOf(raw));
    return this;
  }

  private static List<Evidence> evidenceOf(Object item, String note, Object... args) {
    if (item instanceof Cited c) {
      return List.of(
          new Evidence(
              c.file(),
              c.frame() > 0 ? List.of(c.frame()) : List.of(),
              0,
              c.time(),
              note,
              strings(args)));
    }
    if (item instanceof Fact f) {
      return List.of(
          new Evidence(
              f.origin().file(),
              f.origin().frame() > 0 ? List.of(f.origin().frame()) : List.of(),
              f.origin().line(),
              f.origin().time(),
              note,
              strings(args)));
    }
    if (item instanceof Collection<?> items) {
      List<Evidence> out = new ArrayList<>();
      items.forEach(o -> out.addAll(evidenceOf(o, note, args)));
      return out;
    }
    return List.of();
  }

  /** Evidence notes are filled with text: a list value (addresses, MACs) is written "a, b". */
  private static List<String> strings(Object[] args) {
    return Arrays.stream(args)
        .map(
            a ->
                a instanceof Collection<?> c
                    ? String.join(", ", c.stream().map(String::valueOf).toList())
                    : String.valueOf(a))
        .toList();
  }

  /** Evidence in time order (untimed items, such as configuration lines, first). */
  void sortEvidence() {
    evidence.sort(
        Comparator.comparing(Evidence::time, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  Instant firstEvidenceTime() {
    return evidence.stream().map(Evidence::time).filter(Objects::nonNull).findFirst().orElse(null);
  }

  void causedBy(String code) {
    this.causedBy = code;
  }

  /** One value the rules passed, or null: lets a later rule read what an earlier one concluded. */
  public Object valueOf(String key) {
    return values.get(key);
  }

  public String code() {
    return code;
  }

  public String getCode() {
    return code;
  }

  public String device() {
    return device;
  }

  public String getDevice() {
    return device;
  }

  public Tier tier() {
    return tier;
  }

  public Tier getTier() {
    return tier;
  }

  public double confidence() {
    return confidence;
  }

  public double getConfidence() {
    return confidence;
  }

  public boolean isFault() {
    return tier != Tier.NOTE;
  }

  public List<Evidence> evidence() {
    return List.copyOf(evidence);
  }

  public Map<String, Object> values() {
    return Map.copyOf(values);
  }

  public Object getValue(String key) {
    return values.get(key);
  }

  public List<String> rules() {
    return List.copyOf(rules);
  }

  public String causedBy() {
    return causedBy;
  }

  /** The rivals this finding beat, in the order the rules named them. */
  public List<RuledOut> ruledOut() {
    return List.copyOf(ruledOut);
  }

  /**
   * The candidates of an {@value #UNDETERMINED} finding and their shares of the confidence, in
   * order.
   */
  public Map<String, Double> candidates() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(candidates));
  }

  @Override
  public String toString() {
    return code + "(" + device + ", " + confidence + ", " + values + ")";
  }
}
