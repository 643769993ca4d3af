package dev.regdoc.cli;

import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.knowledge.KnowledgeBase;

/** Finding texts for the command line, from the knowledge base (validated when loaded). */
final class Texts {
  private Texts() {}

  static KnowledgeTexts load() {
    return KnowledgeTexts.load(KnowledgeBase.defaultDirectory());
  }
}
