package dev.regdoc.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that need more than one entry: duplicate ids, id spelling, and references between files.
 */
final class KbValidator {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");

  private final Problems problems;

  KbValidator(Problems problems) {
    this.problems = problems;
  }

  void validate(KbContent kb) {
    ReasonCodeFile.Content r = kb.reasons();
    unique(ReasonCodeFile.NAME, "reason", r.unregistration(), c -> String.valueOf(c.code()), false);
    unique(
        ReasonCodeFile.NAME,
        "registration failure",
        r.registrationFailures(),
        c -> String.valueOf(c.code()),
        false);
    unique(
        ReasonCodeFile.NAME, "SIP response", r.sipStatuses(), c -> String.valueOf(c.code()), false);
    unique(
        RestartCauseFile.NAME,
        "restart cause",
        kb.restartCauses().causes(),
        c -> String.valueOf(c.index()),
        false);
    unique(ChecklistFile.NAME, "step", kb.checklist(), ChecklistStep::id, true);
    unique(ConceptFile.NAME, "concept", kb.concepts(), Concept::id, true);
    unique(FindingFiles.DIR, "finding", kb.findings(), FindingEntry::code, true);
    unique(CaseStudyFile.NAME, "case", kb.caseStudies(), CaseStudy::id, true);

    Set<String> steps = ids(kb.checklist(), ChecklistStep::id);
    Set<String> concepts = ids(kb.concepts(), Concept::id);
    Set<String> findings = ids(kb.findings(), FindingEntry::code);
    Set<String> cases = ids(kb.caseStudies(), CaseStudy::id);

    for (ReasonCode c : r.unregistration()) {
      refs(
          ReasonCodeFile.NAME, "reason " + c.code(), "findings", c.findings(), findings, "finding");
    }
    for (RegistrationFailure c : r.registrationFailures()) {
      refs(
          ReasonCodeFile.NAME,
          "registration failure " + c.code(),
          "findings",
          c.findings(),
          findings,
          "finding");
    }
    for (SipStatus c : r.sipStatuses()) {
      refs(
          ReasonCodeFile.NAME,
          "SIP response " + c.code(),
          "findings",
          c.findings(),
          findings,
          "finding");
    }
    for (RestartCause c : kb.restartCauses().causes()) {
      refs(
          RestartCauseFile.NAME,
          "restart cause " + c.index(),
          "findings",
          c.findings(),
          findings,
          "finding");
    }
    for (ChecklistStep s : kb.checklist()) {
      refs(
          ChecklistFile.NAME, "step '" + s.id() + "'", "settles", s.settles(), findings, "finding");
    }
    for (Concept c : kb.concepts()) {
      String label = "concept '" + c.id() + "'";
      refs(ConceptFile.NAME, label, "related", c.related(), concepts, "concept");
      if (c.related().contains(c.id())) {
        problems.add(ConceptFile.NAME, label, "related: refers to itself");
      }
    }
    for (FindingEntry f : kb.findings()) {
      String label = "finding '" + f.code() + "'";
      String file = FindingFiles.fileOf(f.code());
      refs(file, label, "related_concepts", f.relatedConcepts(), concepts, "concept");
      refs(file, label, "checklist", f.checklist(), steps, "checklist step");
      refs(file, label, "case_studies", f.caseStudies(), cases, "case study");
    }
    for (CaseStudy c : kb.caseStudies()) {
      String label = "case '" + c.id() + "'";
      refs(CaseStudyFile.NAME, label, "findings", c.findings(), findings, "finding");
      refs(CaseStudyFile.NAME, label, "concepts", c.concepts(), concepts, "concept");
      refs(CaseStudyFile.NAME, label, "checklist", c.checklist(), steps, "checklist step");
    }
  }

  private <T> void unique(
      String file, String kind, List<T> items, Function<T, String> id, boolean kebab) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      String key = id.apply(item);
      if (key.isEmpty() || key.equals("-1")) {
        continue; // already reported as missing
      }
      String label = kebab ? kind + " '" + key + "'" : kind + " " + key;
      if (!seen.add(key)) {
        problems.add(file, label, "duplicate id '" + key + "'");
      }
      if (kebab) {
        kebab(file, label, "id", key);
      }
    }
  }

  private void kebab(String file, String label, String field, String value) {
    if (!KEBAB.matcher(value).matches()) {
      problems.add(file, label, field + ": '" + value + "' must be lower-case kebab-case");
    }
  }

  private void refs(
      String file, String label, String field, List<String> used, Set<String> known, String kind) {
    for (String ref : used) {
      if (!known.contains(ref)) {
        problems.add(file, label, field + ": unknown " + kind + " '" + ref + "'");
      }
    }
  }

  private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toSet());
  }
}
