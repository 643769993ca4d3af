package dev.regdoc.knowledge;

import java.util.List;

/** Everything parsed from the knowledge-base files, before cross-file validation. */
record KbContent(
    ReasonCodeFile.Content reasons,
    RestartCauseFile.Content restartCauses,
    List<ChecklistStep> checklist,
    List<Concept> concepts,
    List<FindingEntry> findings,
    List<CaseStudy> caseStudies) {}
