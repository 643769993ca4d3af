package dev.regdoc.analysis;

import dev.regdoc.diagnosis.Finding;

/** Where finding texts come from (the knowledge base); rules never carry prose. */
public interface FindingTexts {
  FindingText textOf(Finding finding, String lang);

  /** The words for a cause many devices share, answered as one summary. */
  SummaryText summaryOf(dev.regdoc.diagnosis.CauseSummary summary, String lang);

  /** "N per-phone findings are summarised here", in {@code lang}. */
  String summarised(int findings, String lang);

  /** What a piece of evidence shows, in {@code lang}; by default the note key itself. */
  default String note(dev.regdoc.diagnosis.Evidence evidence, String lang) {
    return evidence.note();
  }

  /**
   * Where a piece of evidence is, "phone.pcap frames 8, 13" or "switch.txt line 5", in {@code
   * lang}.
   */
  default String cite(dev.regdoc.diagnosis.Evidence evidence, String lang) {
    return ReportText.cite(evidence);
  }

  /**
   * Where several pieces of evidence are, one citation per file with its frames together
   * ("phone.pcap frames 8, 13, 18"), lines cited one by one; at most {@code maxFrames} frames a
   * file, so a long series stays one short line.
   */
  default java.util.List<String> citeAll(
      java.util.List<dev.regdoc.diagnosis.Evidence> evidence, String lang, int maxFrames) {
    java.util.Map<String, java.util.List<Long>> frames = new java.util.LinkedHashMap<>();
    java.util.List<String> out = new java.util.ArrayList<>();
    for (dev.regdoc.diagnosis.Evidence e : evidence) {
      if (e.frames().isEmpty()) {
        out.add(cite(e, lang));
      } else {
        java.util.List<Long> mine =
            frames.computeIfAbsent(e.file(), f -> new java.util.ArrayList<>());
        e.frames().stream().filter(x -> !mine.contains(x)).forEach(mine::add);
      }
    }
    frames.forEach(
        (file, xs) ->
            out.add(
                cite(
                        new dev.regdoc.diagnosis.Evidence(
                            file,
                            xs.stream().limit(maxFrames).toList(),
                            0,
                            null,
                            "",
                            java.util.List.of()),
                        lang)
                    + (xs.size() > maxFrames ? ", ..." : "")));
    return out.stream().distinct().toList();
  }

  /**
   * "Not (rival), because (why).", in {@code lang}; by default the rival's code and the note key.
   */
  default String ruledOut(dev.regdoc.diagnosis.RuledOut rival, String lang) {
    return rival.code() + ": " + rival.why();
  }
}
