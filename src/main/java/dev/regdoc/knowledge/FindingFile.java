package dev.regdoc.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the finding texts of {@code findings/<code>.yaml}. Placeholders are checked against each
 * finding's {@code values}; the short names and notes of the same file are read by {@link
 * SummaryTexts} and {@link EvidenceNotes}.
 */
final class FindingFile {
  /**
   * The fields of a finding's file; {@code cause}, {@code rival} and {@code notes} read elsewhere.
   */
  static final Set<String> FIELDS =
      Set.of(
          "code",
          "values",
          "title",
          "explanation",
          "fix",
          "related_concepts",
          "checklist",
          "case_studies",
          "cause",
          "rival",
          "notes");

  private FindingFile() {}

  static List<FindingEntry> parse(List<FindingFiles.One> files, Problems problems) {
    if (files.isEmpty()) {
      problems.add(FindingFiles.DIR, null, "no finding files (findings/<code>.yaml)");
    }
    List<FindingEntry> findings = new ArrayList<>();
    for (FindingFiles.One f : files) {
      if (f.root() == null) {
        problems.add(f.name(), null, f.error());
        continue;
      }
      EntryReader r = new EntryReader(f.name(), "finding '" + f.code() + "'", f.root(), problems);
      String code = r.string("code");
      if (code != null && !code.equals(f.code())) {
        r.problem(
            "code '" + code + "' differs from the file's name; name the file " + code + ".yaml");
      }
      if (!r.has("values")) {
        r.problem("values: missing (write [] when no text uses placeholders)");
      }
      List<String> values = r.strings("values");
      r.declare(values);
      findings.add(
          new FindingEntry(
              code,
              values,
              r.text("title"),
              r.text("explanation"),
              r.textList("fix"),
              r.strings("related_concepts"),
              r.strings("checklist"),
              r.strings("case_studies")));
      r.finish(FIELDS);
    }
    return findings;
  }
}
