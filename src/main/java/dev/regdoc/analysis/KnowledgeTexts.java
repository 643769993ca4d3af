package dev.regdoc.analysis;

import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.facts.FileReport;
import dev.regdoc.knowledge.AnswerWords;
import dev.regdoc.knowledge.EvidenceNotes;
import dev.regdoc.knowledge.FileStatusWords;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.Placeholders;
import dev.regdoc.knowledge.SummaryTexts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finding texts from the knowledge base, in the asked language, with the finding's values filled
 * in. Values the rules cannot know (a reason code's name, the checklist's wording) are looked up
 * here.
 */
public final class KnowledgeTexts implements FindingTexts {
  private static final Pattern LEFTOVER =
      Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*+(?::[a-z]++)?+\\}");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final KnowledgeBase kb;
  private final EvidenceNotes notes;
  private final SummaryTexts summaries;
  private final AnswerWords words;
  private final FileStatusWords fileStatus;

  public KnowledgeTexts(
      KnowledgeBase kb,
      EvidenceNotes notes,
      SummaryTexts summaries,
      AnswerWords words,
      FileStatusWords fileStatus) {
    this.kb = kb;
    this.notes = notes;
    this.summaries = summaries;
    this.words = words;
    this.fileStatus = fileStatus;
  }

  /**
   * The knowledge base, its evidence notes, summary and answer words from one folder, all
   * validated.
   */
  public static KnowledgeTexts load(Path dir) {
    return new KnowledgeTexts(
        KnowledgeBase.load(dir),
        EvidenceNotes.load(dir),
        SummaryTexts.load(dir),
        AnswerWords.load(dir),
        FileStatusWords.load(dir));
  }

  @Override
  public String looksLike(FileReport file, String lang) {
    return fileStatus.looksLike(file, Lang.fromTag(lang).orElse(Lang.EN));
  }

  @Override
  public String cite(Evidence e, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    if (!e.frames().isEmpty()) {
      String list = e.frames().stream().map(String::valueOf).collect(Collectors.joining(", "));
      return e.file() + " " + words.word(e.frames().size() > 1 ? "frames" : "frame", l, list);
    }
    return e.line() > 0 ? e.file() + " " + words.word("line", l, e.line()) : e.file();
  }

  @Override
  public String citeLines(String file, LineRuns lines, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    String list =
        lines.runs().stream()
            .map(
                r ->
                    r.single()
                        ? String.valueOf(r.first())
                        : words.word("line-range", l, r.first(), r.last()))
            .collect(Collectors.joining(words.word("list-separator", l)));
    return file + " " + words.word(lines.single() ? "line" : "lines", l, list);
  }

  /** "Not (the rival's short name), because (the note)." */
  @Override
  public String ruledOut(RuledOut r, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    return words.word(
        "ruled-out", l, summaries.rival(r.code(), l), notes.text(r.why(), r.args(), l));
  }

  @Override
  public SummaryText summaryOf(CauseSummary s, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    String example = s.topDevices().isEmpty() ? "SEP..." : s.topDevices().get(0).device();
    List<SummaryText.TopDevice> top =
        s.topDevices().stream()
            .map(
                d ->
                    new SummaryText.TopDevice(
                        d.device(), summaries.phrase("top-device", l, d.events(), time(d.first()))))
            .toList();
    return new SummaryText(
        summaries.phrase("title", l, s.devices(), summaries.cause(s.code(), l)),
        summaries.phrase("span", l, s.events(), time(s.first()), time(s.last())),
        summaries.phrase("top", l),
        top,
        summaries.phrase("detail-cli", l, example),
        summaries.phrase("detail-chat", l, example));
  }

  @Override
  public String word(String key, String lang, Object... args) {
    return words.word(key, Lang.fromTag(lang).orElse(Lang.EN), args);
  }

  @Override
  public String summarised(int findings, String lang) {
    return summaries.phrase("omitted", Lang.fromTag(lang).orElse(Lang.EN), findings);
  }

  private static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
  }

  @Override
  public String name(String code, String lang) {
    return summaries.rival(code, Lang.fromTag(lang).orElse(Lang.EN));
  }

  @Override
  public String note(Evidence e, String lang) {
    return notes.text(e.note(), e.args(), Lang.fromTag(lang).orElse(Lang.EN));
  }

  @Override
  public FindingText textOf(Finding f, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    var entry = kb.finding(f.code());
    if (entry.isEmpty()) {
      return new FindingText(f.code(), "", List.of());
    }
    Map<String, Object> v = new HashMap<>(f.values());
    v.replaceAll((k, x) -> listed(x, l));
    enrich(f, v, l);
    var k = entry.get();
    Placeholders.Units units = (unit, x) -> shown(unit, x, l);
    return new FindingText(
        clean(k.title(l, v, units)),
        clean(k.explanation(l, v, units)),
        k.fix(l, v, units).stream().map(KnowledgeTexts::clean).toList());
  }

  private void enrich(Finding f, Map<String, Object> v, Lang l) {
    switch (f.code()) {
      case "unregistered-reason" -> v.put("reasonName", reasonName(v, l));
      case "phone-reported-reason" -> {
        v.put("family", "phone-report");
        v.put("reasonName", reasonName(v, l));
      }
      case "evidence-missing" -> {
        v.put("steps", stepTitle(String.valueOf(v.get("step")), l));
        v.put("why", decides(f, l));
      }
      case Finding.UNDETERMINED -> v.put("candidates", candidates(f, l));
      case "registration-rejected" -> {
        // a challenge never answered: the rule passes its status and reason, the words come from
        // the notes
        if (Boolean.TRUE.equals(v.get("neverSucceeded"))) {
          v.put(
              "response",
              notes.text("challenge-unanswered", List.of(String.valueOf(v.get("reason"))), l));
        }
      }
      case "idle-connection-teardown" -> {
        // without the firewall's configuration, the losses still bound it: shorter than the idle
        // time
        if (!v.containsKey("timeout") && v.get("interval") instanceof Number n) {
          v.put("timeout", words.word("below", l, n.intValue()));
        }
      }
      case "failover-cycle" -> {
        // one failover is no cycle: say what was measured, and from how many; and set it against
        // the period the user reported, as the rule judged it
        if (v.get("period") instanceof Number p) {
          int cycles = v.get("failovers") instanceof Number n ? n.intValue() : 0;
          Object reported = v.get("reported");
          String key = cycleWords(cycles, reported, v.get("reportedAgrees"));
          v.put(
              "cycle",
              words.word(key, l, shown("minutes", p, l), cycles, shown("minutes", reported, l)));
        }
      }
      case "port-security-aging" -> {
        v.putIfAbsent("interface", words.word("phone-switch-port", l));
        // without the configuration, the losses still bound it: aging must be shorter than the
        // refresh interval
        if (!v.containsKey("agingMinutes") && v.get("interval") instanceof Number n) {
          v.put("agingMinutes", words.word("at-most", l, Math.max(1, n.intValue() / 60)));
        }
      }
      default -> {}
    }
  }

  /**
   * The answer word for a failover cycle: measured from several cycles or seen once, and, when the
   * user reported a period, whether the rule found the files agree with it ({@code agrees} is
   * absent for one cycle, which can neither agree nor disagree).
   */
  private static String cycleWords(int cycles, Object reported, Object agrees) {
    if (!(reported instanceof Number)) {
      return cycles >= 2 ? "cycle-measured" : "cycle-once";
    }
    if (cycles < 2) {
      return "cycle-once-reported";
    }
    if (!(agrees instanceof Boolean b)) {
      return "cycle-measured";
    }
    return b ? "cycle-matches-reported" : "cycle-differs-reported";
  }

  private String reasonName(Map<String, Object> v, Lang l) {
    if (!(v.get("reason") instanceof Number n)) {
      return words.word("no-reason-code", l);
    }
    int code = n.intValue();
    return switch (String.valueOf(v.get("family"))) {
      case "registration-failure" -> kb.registrationFailure(code).map(r -> r.mibName()).orElse("?");
      case "phone-report" ->
          kb.restartCause(code)
              .map(r -> r.rfoosName() != null ? r.rfoosName() : r.phoneString())
              .orElse("?");
      default ->
          kb.reason(code).map(r -> r.alarmName() != null ? r.alarmName() : r.mibName()).orElse("?");
    };
  }

  /**
   * Why the asked item decides: the note the rule named ({@code decides}, with {@code
   * decidesArgs}), else what the checklist says the step shows.
   */
  private String decides(Finding f, Lang l) {
    Object note = f.values().get("decides");
    if (note != null) {
      List<String> args =
          f.values().get("decidesArgs") instanceof List<?> xs
              ? xs.stream().map(String::valueOf).toList()
              : List.of();
      return notes.text(String.valueOf(note), args, l);
    }
    return kb.checklistStep(String.valueOf(f.values().get("step")))
        .map(s -> s.why().get(l))
        .orElse("");
  }

  /**
   * The candidates' short names with their shares, in the rule's order: "port-security aging ...
   * (50 %), ...".
   */
  private String candidates(Finding f, Lang l) {
    return f.candidates().entrySet().stream()
        .map(
            c ->
                words.word(
                    "candidate", l, summaries.rival(c.getKey(), l), Math.round(c.getValue() * 100)))
        .collect(Collectors.joining(words.word("list-separator", l)));
  }

  /**
   * A number of seconds shown as a {@code {name:unit}} placeholder asks: minutes to a tenth, or
   * seconds, with the unit's word in the answer's language. A value that is not a number (a bound
   * such as "&lt; 115") is shown as it is.
   */
  private String shown(String unit, Object x, Lang l) {
    if (!(x instanceof Number n)) {
      return String.valueOf(x);
    }
    return unit.equals("minutes")
        ? words.count(Math.round(n.doubleValue() / 6) / 10.0, AnswerWords.Unit.MINUTES, l)
        : words.count(n.doubleValue(), AnswerWords.Unit.SECONDS, l);
  }

  /** A count in its unit and language, singular or plural: "1 minute", "5 minutes", "5分". */
  public String count(double n, AnswerWords.Unit unit, String lang) {
    return words.count(n, unit, Lang.fromTag(lang).orElse(Lang.EN));
  }

  private String stepTitle(String id, Lang l) {
    return kb.checklistStep(id).map(s -> s.title().get(l)).orElse(id);
  }

  /** A list of plain values (addresses, MACs) in the language's list form: "a, b", "a、b". */
  private Object listed(Object x, Lang l) {
    if (x instanceof List<?> xs && xs.stream().noneMatch(e -> e instanceof Map<?, ?>)) {
      return String.join(
          words.word("list-separator", l), xs.stream().map(String::valueOf).toList());
    }
    return x;
  }

  /** A placeholder no value could fill is shown as "?" rather than as template syntax. */
  private static String clean(String s) {
    return LEFTOVER.matcher(s).replaceAll("?");
  }
}
