package dev.regdoc.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.diagnosis.CauseSummary;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuledOut;
import dev.regdoc.timeline.TimelineJson;
import java.util.Locale;

/**
 * The JSON contract of {@code regdoc analyze --format json}: {@code summary[]}, one entry per cause
 * many devices share (count of devices and events, time span, top devices), ranked {@code
 * findings[]} with code, device, confidence, evidence (file, frames, time), title, explanation and
 * fix, plus the files read. Version 2: the findings of a summarised cause are left out of {@code
 * findings[]} (their number is in {@code summarisedFindings}) unless every finding was asked for
 * ({@code --all}) or one device's. Version 3: each finding has {@code ruledOut[]}, the rivals it
 * beat: {@code {code, why, whyKey, whyArgs, evidence[]}} with the evidence cited as in {@code
 * evidence[]} (file, frames, line, time); an {@code undetermined} finding's {@code
 * values.candidates} is {@code [{code, confidence}]}.
 */
public final class ReportJson {
  public static final String SCHEMA = "regdoc.analysis/3";

  private ReportJson() {}

  public static ObjectNode toTree(Analysis a, FindingTexts texts, String lang) {
    ObjectNode root = TimelineJson.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("lang", lang);
    if (a.partial()) {
      root.put("partial", true)
          .put("timeLimitSeconds", a.stopped().limit().toSeconds())
          .put("stoppedIn", a.stopped().file());
    }
    root.set("files", TimelineJson.MAPPER.valueToTree(a.files()));
    ArrayNode summary = root.putArray("summary");
    int rank = 1;
    for (CauseSummary s : a.summaries()) {
      summary.add(summary(s, texts.summaryOf(s, lang), rank++));
    }
    root.put("summarisedFindings", a.summarisedFindings());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : a.listedFindings()) {
      findings.add(finding(f, texts, lang, rank++));
    }
    return root;
  }

  private static ObjectNode summary(CauseSummary s, SummaryText t, int rank) {
    ObjectNode n = TimelineJson.MAPPER.createObjectNode();
    n.put("rank", rank);
    n.put("code", s.code());
    n.put("tier", s.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    n.put("devices", s.devices());
    n.put("events", s.events());
    n.put("first", s.first() == null ? null : s.first().toString());
    n.put("last", s.last() == null ? null : s.last().toString());
    n.put("title", t.title());
    n.put("span", t.span());
    ArrayNode top = n.putArray("topDevices");
    for (CauseSummary.DeviceEvents d : s.topDevices()) {
      ObjectNode x = top.addObject();
      x.put("device", d.device());
      x.put("events", d.events());
      x.put("first", d.first() == null ? null : d.first().toString());
    }
    n.put("detail", t.detailCli());
    return n;
  }

  private static ObjectNode finding(Finding f, FindingTexts texts, String lang, int rank) {
    FindingText t = texts.textOf(f, lang);
    ObjectNode n = TimelineJson.MAPPER.createObjectNode();
    n.put("rank", rank);
    n.put("code", f.code());
    n.put("device", f.device());
    n.put("confidence", Math.round(f.confidence() * 100) / 100.0);
    n.put("tier", f.tier().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (f.causedBy() != null) {
      n.put("causedBy", f.causedBy());
    }
    n.put("title", t.title());
    n.put("explanation", t.explanation());
    ArrayNode fix = n.putArray("fix");
    t.fix().forEach(fix::add);
    ArrayNode ev = n.putArray("evidence");
    for (Evidence e : f.evidence()) {
      citation(ev.addObject(), e).put("note", texts.note(e, lang)).put("noteKey", e.note());
    }
    ArrayNode ruledOut = n.putArray("ruledOut");
    for (RuledOut r : f.ruledOut()) {
      ObjectNode x = ruledOut.addObject();
      x.put("code", r.code());
      x.put("why", texts.ruledOut(r, lang));
      x.put("whyKey", r.why());
      ArrayNode args = x.putArray("whyArgs");
      r.args().forEach(args::add);
      ArrayNode cited = x.putArray("evidence");
      r.evidence().forEach(e -> citation(cited.addObject(), e));
    }
    n.set("values", TimelineJson.MAPPER.valueToTree(f.values()));
    ArrayNode rules = n.putArray("rules");
    f.rules().forEach(rules::add);
    return n;
  }

  private static ObjectNode citation(ObjectNode x, Evidence e) {
    x.put("file", e.file());
    ArrayNode frames = x.putArray("frames");
    e.frames().forEach(frames::add);
    if (e.line() > 0) {
      x.put("line", e.line());
    }
    if (e.time() != null) {
      x.put("time", e.time().toString());
    }
    return x;
  }

  public static String render(Analysis a, FindingTexts texts, String lang) {
    try {
      return TimelineJson.MAPPER.writeValueAsString(toTree(a, texts, lang));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report could not be written as JSON", e);
    }
  }
}
