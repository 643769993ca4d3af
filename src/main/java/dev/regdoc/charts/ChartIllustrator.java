package dev.regdoc.charts;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.conversation.Block;
import dev.regdoc.conversation.Illustrator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation engine's pictures: {@link Pictures#forAnalysis} as reply image blocks. A picture
 * that cannot be drawn never costs the user the answer: the reply then comes without it, and the
 * log says why.
 */
public final class ChartIllustrator implements Illustrator {
  private static final Logger LOG = LoggerFactory.getLogger(ChartIllustrator.class);
  private final FindingTexts texts;

  /**
   * @param texts finding titles for the pictures (null: finding codes)
   */
  public ChartIllustrator(FindingTexts texts) {
    this.texts = texts;
  }

  @Override
  public List<Block.Image> pictures(Analysis analysis, String lang) {
    try {
      return Pictures.forAnalysis(analysis, lang, texts).stream()
          .map(p -> new Block.Image(p.fileName(), p.title(), p.png(), p.text()))
          .toList();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("pictures could not be drawn: {}", e.toString());
      return List.of();
    }
  }
}
