package dev.regdoc.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regdoc.diagnosis.Evidence;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.timeline.TimelineJson;
import java.util.Locale;

/**
 * The JSON contract of {@code regdoc analyze --format json}: ranked {@code findings[]} with code,
 * device, confidence, evidence (file, frames, time), title, explanation and fix, plus the files read.
 */
public final class ReportJson {
  public static final String SCHEMA = "regdoc.analysis/1";

  private ReportJson() {}

  public static ObjectNode toTree(Analysis a, FindingTexts texts, String lang) {
    ObjectNode root = TimelineJson.MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("lang", lang);
    if (a.partial()) {
      root.put("partial", true).put("timeLimitSeconds", a.stopped().limit().toSeconds()).put("stoppedIn", a.stopped().file());
    }
    root.set("files", TimelineJson.MAPPER.valueToTree(a.files()));
    ArrayNode findings = root.putArray("findings");
    int rank = 1;
    for (Finding f : a.findings()) {
      findings.add(finding(f, texts, lang, rank++));
    }
    return root;
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
      ObjectNode x = ev.addObject();
      x.put("file", e.file());
      ArrayNode frames = x.putArray("frames");
      e.frames().forEach(frames::add);
      if (e.line() > 0) {
        x.put("line", e.line());
      }
      if (e.time() != null) {
        x.put("time", e.time().toString());
      }
      x.put("note", texts.note(e, lang));
      x.put("noteKey", e.note());
    }
    n.set("values", TimelineJson.MAPPER.valueToTree(f.values()));
    ArrayNode rules = n.putArray("rules");
    f.rules().forEach(rules::add);
    return n;
  }

  public static String render(Analysis a, FindingTexts texts, String lang) {
    try {
      return TimelineJson.MAPPER.writeValueAsString(toTree(a, texts, lang));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report could not be written as JSON", e);
    }
  }
}
