package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.FindingText;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.analysis.SummaryText;
import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.FileReport;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.timeline.FileListFold;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Turns an analysis into reply blocks: the files' status and the ranked findings with evidence and
 * fix.
 */
final class FindingCards {
  private static final int MAX_EVIDENCE = 6;

  /**
   * The device of a card about many devices, as the rules name it for findings about all phones.
   */
  private static final String ALL_DEVICES = "all";

  private final FindingTexts texts;
  private final Phrases say;

  FindingCards(FindingTexts texts, Phrases say) {
    this.texts = texts;
    this.say = say;
  }

  /**
   * Summaries first (one card per cause many phones share), then the findings not summarised, at
   * most {@code limit}.
   */
  List<Block.FindingCard> cards(Analysis a, String lang, int limit) {
    List<Block.FindingCard> out = new ArrayList<>();
    int rank = 1;
    for (CauseSummary s : a.summaries()) {
      if (rank > limit) {
        return out;
      }
      out.add(summaryCard(rank++, s, lang));
    }
    for (Finding f : a.listedFindings()) {
      if (rank > limit) {
        break;
      }
      out.add(card(rank++, f, lang));
    }
    return out;
  }

  Block.FindingCard card(int rank, Finding f, String lang) {
    FindingText t = texts.textOf(f, lang);
    List<Block.EvidenceLine> ev =
        f.evidence().stream().limit(MAX_EVIDENCE).map(e -> line(e, lang)).toList();
    List<Block.RuledOutLine> rivals =
        f.ruledOut().stream()
            .map(
                r ->
                    new Block.RuledOutLine(
                        r.code(),
                        texts.ruledOut(r, lang),
                        texts.citeAll(r.evidence(), lang, MAX_EVIDENCE)))
            .toList();
    return new Block.FindingCard(
        rank,
        f.code(),
        f.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        (int) Math.round(f.confidence() * 100),
        f.device(),
        f.causedBy(),
        t.title(),
        t.explanation(),
        t.fix(),
        ev,
        rivals);
  }

  /**
   * A cause many phones share: how many, when, the busiest phones as its evidence, and how to ask
   * for one phone.
   */
  Block.FindingCard summaryCard(int rank, CauseSummary s, String lang) {
    SummaryText t = texts.summaryOf(s, lang);
    List<Block.EvidenceLine> top =
        t.top().stream().map(d -> new Block.EvidenceLine(d.device(), null, d.note())).toList();
    return new Block.FindingCard(
        rank,
        s.code(),
        s.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        (int) Math.round(s.confidence() * 100),
        ALL_DEVICES,
        null,
        t.title(),
        t.span() + " " + t.detailChat(),
        List.of(),
        top);
  }

  private Block.EvidenceLine line(Evidence e, String lang) {
    return new Block.EvidenceLine(
        texts.cite(e, lang),
        e.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(e.time()),
        texts.note(e, lang));
  }

  /** A file's status, what it looked like named in {@code lang} by its kind (file-status.yaml). */
  /**
   * The statuses of these files, long runs of alike archive entries folded into a few and one line
   * that counts the rest.
   */
  List<Block.FileStatus> statuses(List<FileReport> files, ToLongFunction<String> size, Lang lang) {
    List<Block.FileStatus> out = new ArrayList<>();
    for (FileListFold.Shown s : FileListFold.fold(files)) {
      FileReport r = s.report();
      out.add(status(r, size.applyAsLong(r.file()), lang));
      if (s.moreLikeIt() > 0) {
        out.add(
            new Block.FileStatus(
                texts.word("report-more-alike", lang.key(), s.moreLikeIt()),
                texts.looksLike(r, lang.key()),
                r.read(),
                0,
                List.of(),
                r.skipped(),
                texts.word("report-not-read", lang.key()),
                texts.word("report-skipped", lang.key())));
      }
    }
    return out;
  }

  Block.FileStatus status(FileReport r, long size, Lang lang) {
    return new Block.FileStatus(
        r.file(),
        texts.looksLike(r, lang.key()),
        r.read(),
        size,
        texts.problems(r, lang.key()),
        r.skipped(),
        texts.word("report-not-read", lang.key()),
        texts.word("report-skipped", lang.key()));
  }
}
