package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import java.util.List;

/**
 * Draws pictures of an analysis (timeline chart, ladder) for the reply; none when no renderer is
 * configured.
 */
@FunctionalInterface
public interface Illustrator {
  Illustrator NONE = (analysis, lang) -> List.of();

  List<Block.Image> pictures(Analysis analysis, String lang);
}
