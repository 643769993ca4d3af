package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Finding;

/** Where finding texts come from (the knowledge base); rules never carry prose. */
public interface FindingTexts {
  FindingText textOf(Finding finding, String lang);
}
