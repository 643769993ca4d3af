package dev.regdoc.diagnosis;

import dev.regdoc.facts.Fact;
import dev.regdoc.signals.Cited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conclusion a rule reached: a stable code (texts come from the knowledge base by this code), the
 * device, how sure, the evidence, the values that mattered, and the rules that fired. Rules build it
 * with the fluent methods below and insert it; nothing else changes it afterwards except ranking.
 */
public final class Finding {
  private final String code;
  private final String device;
  private final Tier tier;
  private double confidence = 0.5;
  private final List<Evidence> evidence = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> rules = new ArrayList<>();
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
    evidence.add(new Evidence(c.file(), c.frame() > 0 ? List.of(c.frame()) : List.of(), 0, c.time(), note, strings(args)));
    return this;
  }

  /** Cites every item, each a signal ({@link Cited}) or a fact. */
  public Finding cite(Collection<?> items, String note, Object... args) {
    for (Object o : items) {
      if (o instanceof Cited c) {
        cite(c, note, args);
      } else if (o instanceof Fact f) {
        cite(f, note, args);
      }
    }
    return this;
  }

  public Finding cite(Fact f, String note, Object... args) {
    evidence.add(new Evidence(f.origin().file(), f.origin().frame() > 0 ? List.of(f.origin().frame()) : List.of(),
        f.origin().line(), f.origin().time(), note, strings(args)));
    return this;
  }

  public Finding cite(String file, List<Long> frames, Instant time, String note, Object... args) {
    evidence.add(new Evidence(file, List.copyOf(frames), 0, time, note, strings(args)));
    return this;
  }

  private static List<String> strings(Object[] args) {
    return java.util.Arrays.stream(args).map(String::valueOf).toList();
  }

  /** Evidence in time order (untimed items, such as configuration lines, first). */
  void sortEvidence() {
    evidence.sort(java.util.Comparator.comparing(Evidence::time, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
  }

  Instant firstEvidenceTime() {
    return evidence.stream().map(Evidence::time).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  void causedBy(String code) {
    this.causedBy = code;
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

  @Override
  public String toString() {
    return code + "(" + device + ", " + confidence + ", " + values + ")";
  }
}
