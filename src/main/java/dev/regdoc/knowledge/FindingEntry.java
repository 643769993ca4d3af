package dev.regdoc.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The knowledge base's entry for one finding code (findings/<code>.yaml): the texts a rule's {@code
 * dev.regdoc.diagnosis.Finding} is told in. Texts may contain {@code {placeholders}}; every one is
 * listed in {@link #values()}. How a finding ranks is the rule's decision (its {@code Tier}), not
 * the text's.
 *
 * @param relatedConcepts concept ids
 * @param checklist checklist step ids that gather the evidence for this finding
 * @param caseStudies case study ids that illustrate it
 */
public record FindingEntry(
    String code,
    List<String> values,
    Text title,
    Text explanation,
    TextList fix,
    List<String> relatedConcepts,
    List<String> checklist,
    List<String> caseStudies) {

  public FindingEntry {
    values = List.copyOf(values);
    relatedConcepts = List.copyOf(relatedConcepts);
    checklist = List.copyOf(checklist);
    caseStudies = List.copyOf(caseStudies);
  }

  public String title(Lang lang, Map<String, ?> values) {
    return title(lang, values, Placeholders.Units.PLAIN);
  }

  public String title(Lang lang, Map<String, ?> values, Placeholders.Units units) {
    return Placeholders.fill(title.get(lang), values, units);
  }

  public String explanation(Lang lang, Map<String, ?> values) {
    return explanation(lang, values, Placeholders.Units.PLAIN);
  }

  public String explanation(Lang lang, Map<String, ?> values, Placeholders.Units units) {
    return Placeholders.fill(explanation.get(lang), values, units);
  }

  public List<String> fix(Lang lang, Map<String, ?> values) {
    return fix(lang, values, Placeholders.Units.PLAIN);
  }

  public List<String> fix(Lang lang, Map<String, ?> values, Placeholders.Units units) {
    return fix.get(lang).stream().map(s -> Placeholders.fill(s, values, units)).toList();
  }
}
