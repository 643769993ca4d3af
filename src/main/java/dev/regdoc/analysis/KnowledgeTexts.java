package dev.regdoc.analysis;

import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.knowledge.EvidenceNotes;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.knowledge.Lang;
import dev.regdoc.knowledge.SummaryTexts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finding texts from the knowledge base, in the asked language, with the finding's values filled in.
 * Values the rules cannot know (a reason code's name, the checklist's wording) are looked up here.
 */
public final class KnowledgeTexts implements FindingTexts {
  private static final Pattern LEFTOVER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*\\}");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final KnowledgeBase kb;
  private final EvidenceNotes notes;
  private final SummaryTexts summaries;

  public KnowledgeTexts(KnowledgeBase kb, EvidenceNotes notes, SummaryTexts summaries) {
    this.kb = kb;
    this.notes = notes;
    this.summaries = summaries;
  }

  /** The knowledge base, its evidence notes and summary words from one folder, all validated. */
  public static KnowledgeTexts load(java.nio.file.Path dir) {
    return new KnowledgeTexts(KnowledgeBase.load(dir), EvidenceNotes.load(dir), SummaryTexts.load(dir));
  }

  @Override
  public SummaryText summaryOf(CauseSummary s, String lang) {
    Lang l = Lang.fromTag(lang).orElse(Lang.EN);
    String example = s.topDevices().isEmpty() ? "SEP..." : s.topDevices().get(0).device();
    List<SummaryText.TopDevice> top = s.topDevices().stream()
        .map(d -> new SummaryText.TopDevice(d.device(), summaries.phrase("top-device", l, d.events(), time(d.first())))).toList();
    return new SummaryText(summaries.phrase("title", l, s.devices(), summaries.cause(s.code(), l)),
        summaries.phrase("span", l, s.events(), time(s.first()), time(s.last())), summaries.phrase("top", l), top,
        summaries.phrase("detail-cli", l, example), summaries.phrase("detail-chat", l, example));
  }

  @Override
  public String summarised(int findings, String lang) {
    return summaries.phrase("omitted", Lang.fromTag(lang).orElse(Lang.EN), findings);
  }

  private static String time(Instant t) {
    return t == null ? "-" : TIME.format(t);
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
    enrich(f, v, l);
    var k = entry.get();
    return new FindingText(clean(k.title(l, v)), clean(k.explanation(l, v)), k.fix(l, v).stream().map(KnowledgeTexts::clean).toList());
  }

  private void enrich(Finding f, Map<String, Object> v, Lang l) {
    switch (f.code()) {
      case "unregistered-reason" -> v.put("reasonName", reasonName(v, l));
      case "phone-reported-reason" -> {
        v.put("family", "phone-report");
        v.put("reasonName", reasonName(v, l));
      }
      case "evidence-missing" -> v.put("steps", stepTitle(String.valueOf(v.get("step")), l));
      case "undetermined" -> v.put("candidateNames", candidateNames(v, l));
      case "idle-connection-teardown" -> {
        // without the firewall's configuration, the losses still bound it: shorter than the idle time
        if (!v.containsKey("timeout") && v.get("interval") instanceof Number n) {
          v.put("timeout", "<" + n.intValue());
        }
      }
      case "port-security-aging" -> {
        v.putIfAbsent("interface", l == Lang.JA ? "電話機のスイッチポート" : "the phone's switch port");
        // without the configuration, the losses still bound it: aging must be shorter than the refresh interval
        if (!v.containsKey("agingMinutes") && v.get("interval") instanceof Number n) {
          v.put("agingMinutes", "\u2264" + Math.max(1, n.intValue() / 60));
        }
      }
      default -> { }
    }
  }

  private String reasonName(Map<String, Object> v, Lang l) {
    if (!(v.get("reason") instanceof Number n)) {
      return l == Lang.JA ? "理由コードなし" : "no reason code";
    }
    int code = n.intValue();
    return switch (String.valueOf(v.get("family"))) {
      case "registration-failure" -> kb.registrationFailure(code).map(r -> r.mibName()).orElse("?");
      case "phone-report" -> kb.restartCause(code).map(r -> r.rfoosName() != null ? r.rfoosName() : r.phoneString()).orElse("?");
      default -> kb.reason(code).map(r -> r.alarmName() != null ? r.alarmName() : r.mibName()).orElse("?");
    };
  }

  /** Each candidate cause by its short name with its share of the confidence: "name (60 %); name (40 %)". */
  private String candidateNames(Map<String, Object> v, Lang l) {
    String[] codes = String.valueOf(v.get("candidates")).split(",\\s*");
    String[] split = String.valueOf(v.getOrDefault("split", "")).split(",\\s*");
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      String share = i < split.length && split[i].matches("[0-9.]+") ? " (" + Math.round(Double.parseDouble(split[i]) * 100) + " %)" : "";
      names.add(summaries.cause(codes[i], l) + share);
    }
    return String.join(l == Lang.JA ? "、" : "; ", names);
  }

  private String stepTitle(String id, Lang l) {
    return kb.checklistStep(id).map(s -> s.title().get(l)).orElse(id);
  }

  /** A placeholder no value could fill is shown as "?" rather than as template syntax. */
  private static String clean(String s) {
    return LEFTOVER.matcher(s).replaceAll("?");
  }
}
