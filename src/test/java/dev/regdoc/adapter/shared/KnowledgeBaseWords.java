package dev.regdoc.adapter.shared;

import dev.regdoc.conversation.Phrases;
import dev.regdoc.knowledge.Lang;
import java.nio.file.Path;

/** The chat's phrases from the real knowledge base, for tests of a renderer without an engine. */
public final class KnowledgeBaseWords {
  private KnowledgeBaseWords() {}

  public static ChatWords load() {
    Phrases phrases = Phrases.load(Path.of("knowledge-base"));
    return (key, lang, values) -> phrases.get(key, Lang.fromTag(lang).orElse(Lang.EN), values);
  }
}
