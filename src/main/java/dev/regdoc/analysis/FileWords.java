package dev.regdoc.analysis;

import dev.regdoc.facts.FileReport;
import dev.regdoc.timeline.FileWording;
import java.util.List;

/** The timeline's file list worded by the knowledge base in one language. */
public record FileWords(FindingTexts texts, String lang) implements FileWording {
  @Override
  public String looksLike(FileReport file) {
    return texts.looksLike(file, lang);
  }

  @Override
  public List<String> problems(FileReport file) {
    return texts.problems(file, lang);
  }

  @Override
  public String notRead() {
    return texts.word("report-not-read", lang);
  }

  @Override
  public String skipped() {
    return texts.word("report-skipped", lang);
  }
}
