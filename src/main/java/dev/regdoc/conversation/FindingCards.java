package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingText;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.analysis.ReportText;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.ingest.FileReport;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an analysis into reply blocks: the files' status and the ranked findings with evidence and fix. */
final class FindingCards {
  private static final int MAX_EVIDENCE = 6;
  private final FindingTexts texts;

  FindingCards(FindingTexts texts) {
    this.texts = texts;
  }

  List<Block.FindingCard> cards(Analysis a, String lang, int limit) {
    List<Block.FindingCard> out = new ArrayList<>();
    int rank = 1;
    for (Finding f : a.findings()) {
      if (rank > limit) {
        break;
      }
      out.add(card(rank++, f, lang));
    }
    return out;
  }

  Block.FindingCard card(int rank, Finding f, String lang) {
    FindingText t = texts.textOf(f, lang);
    List<Block.EvidenceLine> ev = f.evidence().stream().limit(MAX_EVIDENCE).map(e -> line(e, lang)).toList();
    return new Block.FindingCard(rank, f.code(), f.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'), (int) Math.round(f.confidence() * 100),
        f.device(), f.causedBy(), t.title(), t.explanation(), t.fix(), ev);
  }

  private Block.EvidenceLine line(Evidence e, String lang) {
    return new Block.EvidenceLine(ReportText.cite(e), e.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(e.time()),
        texts.note(e, lang));
  }

  static Block.FileStatus status(FileReport r, long size) {
    return new Block.FileStatus(r.file(), r.looksLike(), r.read(), size, r.problems());
  }
}
