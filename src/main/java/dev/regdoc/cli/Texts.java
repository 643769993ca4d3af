package dev.regdoc.cli;

import dev.regdoc.analysis.KnowledgeTexts;

/** Finding texts for the command line, from the knowledge base (validated when loaded). */
final class Texts {
  private Texts() {}

  static KnowledgeTexts load() {
    return KnowledgeTexts.load(dev.regdoc.knowledge.KnowledgeBase.defaultDirectory());
  }
}
