package dev.regdoc.analysis;

import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.SignalingPorts;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.diagnosis.Diagnoser;
import dev.regdoc.diagnosis.RuleBase;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactCollector;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.ReportedPeriod;
import dev.regdoc.facts.SccpMessage;
import dev.regdoc.facts.SipMessage;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TraceRecord;
import dev.regdoc.ingest.IngestLimits;
import dev.regdoc.ingest.IngestService;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.signals.ArpClaim;
import dev.regdoc.signals.SignalBuilder;
import dev.regdoc.timeline.Timeline;
import dev.regdoc.timeline.TimelineBuilder;
import dev.regdoc.timeline.TraceEvidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The whole engine in one call: files in, ranked findings with evidence out. One rule session per
 * call; the rule base is compiled once and shared, so analyses may run in parallel.
 *
 * <p>Every analysis has a time limit: reading stops when it passes (the file being read is named as
 * too costly, the files after it as not read), and the timeline and the rules then judge what was
 * read within a small grace time, so the answer is partial rather than missing. An interrupted
 * thread stops at once ({@link WorkStopped}, cancelled).
 */
public final class Analyzer {
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(300);

  /** The most the timeline and rules get after reading used up the limit. */
  static final Duration MAX_GRACE = Duration.ofSeconds(30);

  private final RuleBase rules;
  private final Map<InputKind, TextReader> textReaders;
  private final IngestLimits limits;
  private final SignalingPorts ports;
  private final Duration timeLimit;
  private final LongSupplier nanoClock;
  private final boolean keepEvents;

  public Analyzer(
      RuleBase rules,
      Map<InputKind, TextReader> textReaders,
      IngestLimits limits,
      SignalingPorts ports) {
    this(rules, textReaders, limits, ports, DEFAULT_TIME_LIMIT, System::nanoTime, true);
  }

  private Analyzer(
      RuleBase rules,
      Map<InputKind, TextReader> textReaders,
      IngestLimits limits,
      SignalingPorts ports,
      Duration timeLimit,
      LongSupplier nanoClock,
      boolean keepEvents) {
    this.rules = rules;
    this.textReaders = textReaders;
    this.limits = limits;
    this.ports = ports;
    this.timeLimit = timeLimit;
    this.nanoClock = nanoClock;
    this.keepEvents = keepEvents;
  }

  /** The same engine with another time limit per analysis. */
  public Analyzer withTimeLimit(Duration limit) {
    return withTimeLimit(limit, nanoClock);
  }

  /**
   * The same engine with another time limit, measured on {@code nanoClock} (tests move it
   * themselves).
   */
  public Analyzer withTimeLimit(Duration limit, LongSupplier nanoClock) {
    return new Analyzer(rules, textReaders, limits, ports, limit, nanoClock, keepEvents);
  }

  /**
   * The same engine for an answer that shows no timeline (the command line's text and JSON
   * answers): the analysis keeps the timeline's phones, files and offsets but lets its events go
   * once the signals are made from them, before the rule session. On a large capture the events are
   * a quarter of what the session would otherwise hold beside itself, so the same heap reads more
   * of the capture ({@link IngestService#answerOnly()}).
   */
  public Analyzer withoutEvents() {
    return new Analyzer(rules, textReaders, limits, ports, timeLimit, nanoClock, false);
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  public Analysis analyze(List<InputFile> files) {
    return analyze(files, ReadProgress.NONE);
  }

  /**
   * As {@link #analyze(List)}, telling {@code progress} how far the reading of each capture has
   * got.
   */
  public Analysis analyze(List<InputFile> files, ReadProgress progress) {
    return analyze(files, progress, List.of());
  }

  /**
   * As {@link #analyze(List, ReadProgress)}, with what the user stated about the case (a {@link
   * ReportedPeriod}) among the rules' facts, for the rules to set against what the files show.
   */
  public Analysis analyze(List<InputFile> files, ReadProgress progress, List<?> stated) {
    long start = nanoClock.getAsLong();
    FactCollector facts = new FactCollector();
    IngestService all = new IngestService(new CaptureReader(ports), textReaders, limits);
    IngestService ingest = keepEvents ? all : all.answerOnly();
    IngestService.Ingested read =
        WorkLimit.run(
            WorkLimit.of(timeLimit, nanoClock), () -> ingest.ingestWithin(files, facts, progress));
    Duration left = timeLimit.minusNanos(nanoClock.getAsLong() - start);
    Duration grace = grace();
    WorkLimit judging =
        WorkLimit.of(read.stopped() || left.compareTo(grace) < 0 ? grace : left, nanoClock);
    try {
      return WorkLimit.run(judging, () -> judge(facts, stated, read, judging));
    } catch (WorkStopped e) {
      if (e.why() == WorkStopped.Why.CANCELLED) {
        throw e;
      }
      // the timeline or the signals took too long: the file reports stand, without findings
      return new Analysis(
          read.reports(),
          new TimelineBuilder().build(new FactCollector(), read.reports()),
          List.of(),
          List.of(),
          0,
          0,
          new Analysis.Stop(timeLimit, read.stoppedIn()));
    }
  }

  private Analysis judge(
      FactCollector facts, List<?> stated, IngestService.Ingested read, WorkLimit judging) {
    List<FileReport> reports = read.reports();
    Timeline timeline = new TimelineBuilder().build(facts, reports);
    List<Object> kept = factsBesideSignals(facts, stated);
    // the messages are in the timeline now, and the signals come from it: the signals and the rule
    // session, which costs the most memory of an analysis, are made without a second copy of them
    facts.clear();
    List<Object> ruleFacts = withSignals(timeline, kept);
    if (!keepEvents) {
      timeline = timeline.withoutEvents();
    }
    long start = System.nanoTime();
    Diagnoser.Diagnosis d = new Diagnoser(rules).diagnosis(ruleFacts, judging::expired);
    long millis = (System.nanoTime() - start) / 1_000_000;
    boolean partial = read.stopped() || d.halted();
    return new Analysis(
        reports,
        timeline,
        d.findings(),
        d.summaries(),
        ruleFacts.size(),
        millis,
        partial ? new Analysis.Stop(timeLimit, read.stoppedIn()) : null,
        d.rulesFired());
  }

  /**
   * What the rules are given: the timeline's signals and the facts the signals do not stand for.
   * Package-visible so that rule tests judge exactly these facts, less the one a guard is about.
   */
  static List<Object> ruleFacts(FactCollector facts, Timeline timeline, List<?> stated) {
    return withSignals(timeline, factsBesideSignals(facts, stated));
  }

  /** The timeline's signals, then {@code kept}. */
  private static List<Object> withSignals(Timeline timeline, List<Object> kept) {
    List<Object> ruleFacts = new ArrayList<>(new SignalBuilder().build(timeline));
    ruleFacts.addAll(kept);
    return ruleFacts;
  }

  /**
   * The facts the signals do not stand for. Messages are represented by their signals
   * (transactions, refreshes, keepalives); the bulk of raw SIP/SCCP messages, and of what
   * CallManager traces logged, would only slow the session down.
   */
  private static List<Object> factsBesideSignals(FactCollector facts, List<?> stated) {
    List<Fact> all = facts.all();
    List<Object> kept = new ArrayList<>();
    all.stream()
        .filter(
            f ->
                !(f instanceof SipMessage)
                    && !(f instanceof SccpMessage)
                    && !(f instanceof TraceRecord))
        .forEach(kept::add);
    // a trace's alarms are CUCM alarms like syslog's: the rules read them the same way
    kept.addAll(TraceEvidence.alarms(all));
    kept.addAll(ArpClaim.of(all));
    kept.addAll(stated);
    return kept;
  }

  /** A tenth of the limit, at most {@link #MAX_GRACE}. */
  private Duration grace() {
    Duration tenth = timeLimit.dividedBy(10);
    return tenth.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : tenth;
  }
}
