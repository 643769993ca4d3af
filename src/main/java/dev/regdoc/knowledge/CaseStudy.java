package dev.regdoc.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worked case from the source document; also a lesson of the teaching mode, whose files are in
 * the knowledge base's {@code lessons/<id>/}.
 *
 * @param numbers machine-readable values (a Number or a List of Numbers), keyed by name
 * @param questions teach-me questions with their answers
 */
public record CaseStudy(
    String id,
    String protocol,
    Text title,
    Text symptom,
    TextList collected,
    TextList observations,
    Map<String, Object> numbers,
    Text rootCause,
    TextList fix,
    List<Question> questions,
    List<String> findings,
    List<String> concepts,
    List<String> checklist) {

  /** A question to ask the learner, and its answer. */
  public record Question(Text q, Text a) {}

  public CaseStudy {
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    questions = List.copyOf(questions);
    findings = List.copyOf(findings);
    concepts = List.copyOf(concepts);
    checklist = List.copyOf(checklist);
  }
}
