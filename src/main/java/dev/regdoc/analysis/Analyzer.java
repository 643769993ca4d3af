package dev.regdoc.analysis;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.diagnosis.Diagnoser;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.ingest.FileReport;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.ingest.InputKind;
import dev.regdoc.ingest.TextReader;
import dev.regdoc.signals.SignalBuilder;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole engine in one call: files in, ranked findings with evidence out. One rule session per
 * call; the rule base is compiled once and shared, so analyses may run in parallel.
 */
public final class Analyzer {
  private final RuleBase rules;
  private final Map<InputKind, TextReader> textReaders;
  private final IngestLimits limits;
  private final SignalingPorts ports;

  public Analyzer(RuleBase rules, Map<InputKind, TextReader> textReaders, IngestLimits limits, SignalingPorts ports) {
    this.rules = rules;
    this.textReaders = textReaders;
    this.limits = limits;
    this.ports = ports;
  }

  public Analysis analyze(List<InputFile> files) {
    return analyze(files, ReadProgress.NONE);
  }

  /** As {@link #analyze(List)}, telling {@code progress} how far the reading of each capture has got. */
  public Analysis analyze(List<InputFile> files, ReadProgress progress) {
    FactCollector facts = new FactCollector();
    List<FileReport> reports = new IngestService(new CaptureReader(ports), textReaders, limits).ingest(files, facts, progress);
    Timeline timeline = new TimelineBuilder().build(facts, reports);
    List<Object> ruleFacts = new ArrayList<>(new SignalBuilder().build(timeline));
    // Messages are represented by their signals (transactions, refreshes, keepalives); the bulk of raw
    // SIP/SCCP messages would only slow the session down.
    facts.all().stream().filter(f -> !(f instanceof SipMessage) && !(f instanceof SccpMessage)).forEach(ruleFacts::add);
    long start = System.nanoTime();
    Diagnoser.Diagnosis d = new Diagnoser(rules).diagnosis(ruleFacts);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Analysis(reports, timeline, d.findings(), d.summaries(), ruleFacts.size(), millis);
  }
}
