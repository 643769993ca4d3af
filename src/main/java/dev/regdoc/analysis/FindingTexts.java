package dev.regdoc.analysis;

import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.facts.FileReport;
import dev.regdoc.knowledge.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where finding texts come from (the knowledge base); rules never carry prose. */
public interface FindingTexts {
  FindingText textOf(Finding finding, String lang);

  /** The words for a cause many devices share, answered as one summary. */
  SummaryText summaryOf(CauseSummary summary, String lang);

  /** "N per-phone findings are summarised here", in {@code lang}. */
  String summarised(int findings, String lang);

  /**
   * A word of the knowledge base's answer words (answer-words.yaml) in {@code lang}, its {0},
   * {1}... filled with {@code args}: how a report names its parts.
   */
  String word(String key, String lang, Object... args);

  /**
   * A file's problems in {@code lang}: a keyed problem in that language's words, English and a
   * problem with no key as ingest's own sentence.
   */
  default List<String> problems(FileReport file, String lang) {
    boolean english = Lang.fromTag(lang).orElse(Lang.EN) == Lang.EN;
    return file.problemKeys().stream()
        .map(p -> english || p.key() == null ? p.text() : word(p.key(), lang, p.values().toArray()))
        .toList();
  }

  /** What a file looked like, in {@code lang}: by default the reader's own English description. */
  default String looksLike(FileReport file, String lang) {
    return file.looksLike();
  }

  /**
   * What a fault is called where it is weighed against a look-alike (its rival name, else its
   * cause's short name), in {@code lang}; by default the code itself.
   */
  default String name(String code, String lang) {
    return code;
  }

  /** What a piece of evidence shows, in {@code lang}; by default the note key itself. */
  default String note(Evidence evidence, String lang) {
    return evidence.note();
  }

  /**
   * Where a piece of evidence is, "phone.pcap frames 8, 13" or "switch.txt line 5", in {@code
   * lang}.
   */
  default String cite(Evidence evidence, String lang) {
    return ReportText.cite(evidence);
  }

  /** Lines of one file, "asa.log lines 12-14, 20", in {@code lang}; by default in English. */
  default String citeLines(String file, LineRuns lines, String lang) {
    return file
        + (lines.single() ? " line " : " lines ")
        + lines.runs().stream()
            .map(r -> r.single() ? String.valueOf(r.first()) : r.first() + "–" + r.last())
            .collect(Collectors.joining(", "));
  }

  /**
   * Where several pieces of evidence are, one citation per file with its frames together
   * ("phone.pcap frames 8, 13, 18") or its lines together, consecutive ones as a range ("asa.log
   * lines 12-14, 20"); at most {@code maxFrames} frames a file, so a long series stays one short
   * line.
   */
  default List<String> citeAll(List<Evidence> evidence, String lang, int maxFrames) {
    Map<String, List<Long>> frames = new LinkedHashMap<>();
    Map<String, List<Long>> lines = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    for (Evidence e : evidence) {
      if (e.frames().isEmpty() && e.line() > 0) {
        lines.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e.line());
      } else if (e.frames().isEmpty()) {
        out.add(cite(e, lang));
      } else {
        List<Long> mine = frames.computeIfAbsent(e.file(), f -> new ArrayList<>());
        e.frames().stream().filter(x -> !mine.contains(x)).forEach(mine::add);
      }
    }
    lines.forEach((file, xs) -> out.add(citeLines(file, LineRuns.of(xs), lang)));
    frames.forEach(
        (file, xs) ->
            out.add(
                cite(
                        new Evidence(
                            file, xs.stream().limit(maxFrames).toList(), 0, null, "", List.of()),
                        lang)
                    + (xs.size() > maxFrames ? ", ..." : "")));
    return out.stream().distinct().toList();
  }

  /**
   * "Not (rival), because (why).", in {@code lang}; by default the rival's code and the note key.
   */
  default String ruledOut(RuledOut rival, String lang) {
    return rival.code() + ": " + rival.why();
  }
}
