package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Finding;

/** Where finding texts come from (the knowledge base); rules never carry prose. */
public interface FindingTexts {
  FindingText textOf(Finding finding, String lang);

  /** The words for a cause many devices share, answered as one summary. */
  SummaryText summaryOf(dev.regdoc.diagnosis.CauseSummary summary, String lang);

  /** "N per-phone findings are summarised here", in {@code lang}. */
  String summarised(int findings, String lang);

  /** What a piece of evidence shows, in {@code lang}; by default the note key itself. */
  default String note(dev.regdoc.diagnosis.Evidence evidence, String lang) {
    return evidence.note();
  }
}
