package dev.regdoc.charts;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.KnowledgeTexts;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.TextReaders;
import dev.regdoc.testing.FixtureFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The case-study fixtures through the whole engine, analysed once per test run. */
final class CaseStudies {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Map<String, Analysis> CACHE = new ConcurrentHashMap<>();
  private static Analyzer analyzer;
  private static KnowledgeTexts texts;

  private CaseStudies() {}

  static synchronized Analyzer analyzer() {
    if (analyzer == null) {
      Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      analyzer =
          new Analyzer(
              RuleBase.load(Path.of("rules")),
              TextReaders.defaults(fixed),
              IngestLimits.defaults(),
              SignalingPorts.defaults());
    }
    return analyzer;
  }

  static synchronized KnowledgeTexts texts() {
    if (texts == null) {
      texts = KnowledgeTexts.load(Path.of("knowledge-base"));
    }
    return texts;
  }

  static Analysis analysis(String fixture) {
    return CACHE.computeIfAbsent(fixture, f -> analyzer().analyze(files(FIXTURES.resolve(f))));
  }

  /** The timeline chart's scene of the fixture's top finding, titled in {@code lang}. */
  static TimelineScene timelineOfTop(String fixture, String lang) {
    Analysis a = analysis(fixture);
    Finding top = a.findings().get(0);
    return TimelineChart.scene(
        a.timeline(), top.device(), top, texts().textOf(top, lang).title(), Labels.of(lang));
  }

  /** The ladder around the fixture's top finding, titled in {@code lang}. */
  static LadderScene ladderOfTop(String fixture, String lang) {
    Analysis a = analysis(fixture);
    Finding top = a.findings().get(0);
    return LadderDiagram.scene(
        a.timeline(), top, texts().textOf(top, lang).title(), Labels.of(lang));
  }

  static List<InputFile> files(Path dir) {
    return FixtureFolder.inputs(dir);
  }
}
