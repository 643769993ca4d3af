package dev.regdoc.conversation;

import dev.regdoc.analysis.Analysis;
import dev.regdoc.analysis.Analyzer;
import dev.regdoc.analysis.FileWords;
import dev.regdoc.analysis.FindingTexts;
import dev.regdoc.analysis.ReportJson;
import dev.regdoc.common.Sizes;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.conversation.store.CaseStore;
import dev.regdoc.conversation.store.StoredFile;
import dev.regdoc.diagnosis.Finding;
import dev.regdoc.facts.ReportedPeriod;
import dev.regdoc.ingest.InputFile;
import dev.regdoc.knowledge.ChecklistStep;
import dev.regdoc.knowledge.KnowledgeBase;
import dev.regdoc.timeline.TimelineText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Uploads into a case: each file is kept in the store, then every retained file of the case is
 * analysed together (a phone-side capture uploaded after the CUCM-side one is matched with it), and
 * the findings are answered.
 */
final class CaseAnalysis {
  private static final int SHOWN_FINDINGS = 5;
  private static final String EVIDENCE_MISSING = "evidence-missing";
  private static final int TIMELINE_LINES = 60;

  /** Cases whose last analysis is kept in memory; each holds a whole timeline, so only a few. */
  private static final int CACHED_CASES = 16;

  private final CaseStore store;
  private final Analyzer analyzer;
  private final FindingTexts texts;
  private final FindingCards cards;
  private final KnowledgeBase kb;
  private final Phrases say;
  private final ChecklistGuide checklist;
  private final Illustrator illustrator;
  private final Semaphore slots;
  private final long maxUploadBytes;
  private final Clock clock;
  private final AnalysisCache cache = new AnalysisCache(CACHED_CASES);

  private static final Counter BYTES_READ =
      Counter.builder("regdoc.analysis.bytes.read")
          .baseUnit("bytes")
          .register(Metrics.globalRegistry);

  CaseAnalysis(EngineParts p) {
    this.store = p.store();
    this.analyzer = p.analyzer();
    this.texts = p.texts();
    this.cards = new FindingCards(p.texts(), p.phrases());
    this.kb = p.kb();
    this.say = p.phrases();
    this.checklist = p.checklist();
    this.illustrator = p.illustrator();
    this.slots = new Semaphore(p.settings().parallelAnalyses(), true);
    this.maxUploadBytes = p.settings().maxUploadBytes();
    this.clock = p.clock();
  }

  /** Stores what fits the limit (saying which did not), then analyses the whole case. */
  void upload(Turn t) {
    List<String> fresh = new ArrayList<>();
    for (Upload u : t.in.uploads()) {
      long size = Math.max(u.size(), sizeOf(u.content()));
      if (size > maxUploadBytes) {
        t.say(
            say.get(
                "upload-too-big",
                t.lang,
                "file",
                u.name(),
                "size",
                Sizes.human(size),
                "limit",
                Sizes.human(maxUploadBytes)));
        continue;
      }
      if (u.sha256() != null) {
        // hashed as it came in: moved into the store, not read and written a second time
        store.takeFile(
            t.caseState.id, u.name(), u.content(), u.sha256(), t.in.user(), clock.instant());
      } else {
        store.putFile(t.caseState.id, u.name(), u.content(), t.in.user(), clock.instant());
      }
      fresh.add(u.name());
    }
    if (fresh.isEmpty()) {
      return;
    }
    List<StoredFile> files = retained(t.caseState.id);
    Analysis a = analysisOf(t, files);
    Map<String, Long> sizes = new HashMap<>();
    files.forEach(f -> sizes.put(f.name(), f.size()));
    List<Block.FileStatus> statuses =
        cards.statuses(
            a.files().stream().filter(r -> fresh.contains(Upload.nameOf(r.file()))).toList(),
            name -> sizes.getOrDefault(name, 0L),
            t.lang);
    if (files.size() > fresh.size()
        && a.anythingRead()
        && statuses.stream().noneMatch(Block.FileStatus::read)) {
      // Only files that could not be read came: the case's answer is the one already given, so
      // say what became of them, not the whole diagnosis again.
      statuses.forEach(t::add);
      t.say(say.get("upload-unread-only", t.lang, "id", t.caseState.id));
      return;
    }
    t.say(
        say.get(
            "upload-stored",
            t.lang,
            "count",
            fresh.size(),
            "id",
            t.caseState.id,
            "files",
            files.size()));
    statuses.forEach(t::add);
    answer(t, a);
  }

  /**
   * The case's analysis of exactly these files: the kept one if there is one, else a fresh one
   * (then kept).
   */
  private Analysis analysisOf(Turn t, List<StoredFile> files) {
    List<Object> stated = stated(t.caseState);
    Optional<Analysis> kept = cache.find(t.caseState.id, files, stated);
    if (kept.isPresent()) {
      return kept.get();
    }
    Analysis a = analyse(t, files, stated);
    cache.put(t.caseState.id, files, stated, a);
    return a;
  }

  /** What the user said of the case that the rules weigh: the period, when they gave one. */
  private static List<Object> stated(CaseState c) {
    List<Object> out = new ArrayList<>();
    CaseDetails.periodSeconds(c.when).ifPresent(s -> out.add(new ReportedPeriod(s)));
    return List.copyOf(out);
  }

  /**
   * Runs the engine on the case's files, one analysis per free slot (bounded memory with many chats
   * at once).
   */
  private Analysis analyse(Turn t, List<StoredFile> files, List<Object> stated) {
    if (!slots.tryAcquire()) {
      t.progress.progress(say.get("progress-waiting", t.lang), -1);
      waitForSlot();
    }
    try {
      ReadingProgress reading = new ReadingProgress(files, t, say);
      reading.start();
      long start = System.nanoTime();
      List<InputFile> inputs = new ArrayList<>();
      for (StoredFile f : files) {
        store.content(f.sha256()).ifPresent(p -> inputs.add(new InputFile(p, f.name())));
      }
      BYTES_READ.increment(files.stream().mapToLong(StoredFile::size).sum());
      Analysis a = analyzer.analyze(inputs, reading, stated);
      t.progress.progress(
          say.get(
              "progress-done",
              t.lang,
              "seconds",
              String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9)),
          100);
      t.caseState.findingsJson = ReportJson.render(a, texts, t.lang.key());
      return a;
    } finally {
      slots.release();
    }
  }

  /**
   * The findings, the pictures, and what to collect next when the rules say evidence is missing.
   */
  void answer(Turn t, Analysis a) {
    if (a.partial() && a.stopped().file() != null) {
      t.say(
          say.get(
              "analysis-partial",
              t.lang,
              "seconds",
              a.stopped().limit().toSeconds(),
              "file",
              a.stopped().file()));
    } else if (a.partial()) {
      t.say(
          say.get("analysis-partial-judging", t.lang, "seconds", a.stopped().limit().toSeconds()));
    }
    if (!a.anythingRead()) {
      t.say(say.get("nothing-read", t.lang));
      return;
    }
    List<Finding> faults = a.findings().stream().filter(Finding::isFault).toList();
    int listed = a.summaries().size() + a.listedFindings().size();
    if (faults.isEmpty()
        && a.findings().stream().anyMatch(f -> "no-registration-evidence".equals(f.code()))) {
      t.say(say.get("no-registration", t.lang));
    } else if (faults.isEmpty()) {
      t.say(say.get("no-fault", t.lang));
    } else {
      t.say(say.get("findings-intro", t.lang));
    }
    List<ChecklistStep> missing = missingSteps(t, a);
    // A missing piece of evidence is said once, as the checklist step that collects it, not also
    // as a finding card.
    List<Block.FindingCard> ranked = cards.cards(a, t.lang.key(), SHOWN_FINDINGS);
    ranked.stream()
        .filter(c -> !(EVIDENCE_MISSING.equals(c.code()) && !missing.isEmpty()))
        .forEach(t::add);
    if (listed > ranked.size()) {
      String name = "regdoc-case-" + t.caseState.id + ".json";
      t.say(say.get("findings-more", t.lang, "count", listed - ranked.size(), "file", name));
      // Rendered now, not taken from the case: the analysis may have been made for someone with
      // another language.
      String json = ReportJson.render(a, texts, t.lang.key());
      t.add(new Block.Attachment(name, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }
    illustrator.pictures(a, t.lang.key()).forEach(t::add);
    missing.forEach(s -> ask(t, s));
  }

  /** The open checklist steps that would collect the evidence the rules say is missing. */
  private List<ChecklistStep> missingSteps(Turn t, Analysis a) {
    return a.findings().stream()
        .filter(f -> EVIDENCE_MISSING.equals(f.code()))
        .map(f -> String.valueOf(f.values().get("step")))
        .distinct()
        .map(kb::checklistStep)
        .flatMap(Optional::stream)
        .filter(s -> !ChecklistGuide.DONE.equals(t.caseState.steps.get(s.id())))
        .toList();
  }

  private void ask(Turn t, ChecklistStep s) {
    t.say(
        say.get(
            "need-evidence-step",
            t.lang,
            "order",
            s.order(),
            "total",
            kb.checklist().size(),
            "title",
            s.title().get(t.lang)));
    checklist.card(t, s);
  }

  /**
   * The timeline of a device (or the case's device) from the case's files, cut to a readable
   * length.
   */
  void timeline(Turn t, String device) {
    List<StoredFile> files = retained(t.caseState.id);
    if (files.isEmpty()) {
      t.say(say.get("timeline-no-files", t.lang));
      return;
    }
    Analysis a = analysisOf(t, files);
    var tl = device == null ? a.timeline() : a.timeline().forDevice(device);
    String text = TimelineText.render(tl, false, new FileWords(texts, t.lang.key()));
    String[] lines = text.split("\n");
    if (lines.length > TIMELINE_LINES) {
      t.say(say.get("timeline-cut", t.lang, "lines", TIMELINE_LINES));
      t.add(new Block.Preformatted(String.join("\n", Arrays.copyOf(lines, TIMELINE_LINES))));
      t.add(
          new Block.Attachment(
              "timeline-case-" + t.caseState.id + ".txt",
              "text/plain",
              text.getBytes(StandardCharsets.UTF_8)));
    } else {
      t.add(new Block.Preformatted(text.stripTrailing()));
    }
  }

  /**
   * The case's findings in the asker's language, from the kept analysis while the case's files are
   * unchanged.
   */
  void showFindings(Turn t) {
    List<StoredFile> files = retained(t.caseState.id);
    if (files.isEmpty()) {
      t.say(say.get("no-findings-yet", t.lang));
      return;
    }
    answer(t, analysisOf(t, files));
  }

  /**
   * Waits for a free slot; a turn cancelled while it waits leaves the queue instead of analysing
   * for nobody.
   */
  private void waitForSlot() {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkStopped(WorkStopped.Why.CANCELLED, analyzer.timeLimit());
    }
  }

  /**
   * One device's findings from the case's files, every one of them (a summary names the devices,
   * this shows one).
   */
  void showFindings(Turn t, String device) {
    List<StoredFile> files = retained(t.caseState.id);
    if (files.isEmpty()) {
      t.say(say.get("no-findings-yet", t.lang));
      return;
    }
    Analysis mine = analysisOf(t, files).forDevice(device);
    if (mine.findings().isEmpty()) {
      t.say(say.get("device-no-findings", t.lang, "device", device));
      return;
    }
    answer(t, mine);
  }

  /** Analyses files that are not part of any case (the lessons' fixture captures). */
  Analysis analyseFiles(List<Path> paths) {
    waitForSlot();
    try {
      return analyzer.analyze(paths.stream().map(InputFile::of).toList());
    } finally {
      slots.release();
    }
  }

  FindingCards cards() {
    return cards;
  }

  /**
   * The case's files still kept, each name and content once (the latest upload of it): the same
   * file sent twice, or a queued analysis taken over after its instance died, is read once.
   */
  private List<StoredFile> retained(long caseId) {
    Map<String, StoredFile> latest = new LinkedHashMap<>();
    for (StoredFile f : store.files(caseId)) {
      if (!f.expired()) {
        String key = f.name() + "\u0000" + f.sha256();
        latest.remove(key);
        latest.put(key, f);
      }
    }
    return List.copyOf(latest.values());
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
