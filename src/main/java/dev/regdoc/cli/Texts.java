package dev.regdoc.cli;

import dev.regdoc.analysis.FindingText;
import dev.regdoc.analysis.FindingTexts;
import java.util.List;

/** Finding texts for the command line. */
final class Texts {
  private Texts() {}

  static FindingTexts load() {
    return (f, lang) -> new FindingText(f.code(), f.values().toString(), List.of());
  }
}
