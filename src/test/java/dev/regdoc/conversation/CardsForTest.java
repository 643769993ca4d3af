package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingTexts;
import java.nio.file.Path;
import java.util.List;

/** The chat cards of an analysis, for tests outside this package. */
public final class CardsForTest {
  private final FindingCards cards;

  public CardsForTest(FindingTexts texts) {
    this.cards = new FindingCards(texts, Phrases.load(Path.of("knowledge-base")));
  }

  public List<Block.FindingCard> cards(Analysis a, String lang, int limit) {
    return cards.cards(a, lang, limit);
  }
}
