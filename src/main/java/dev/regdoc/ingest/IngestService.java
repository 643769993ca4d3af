package dev.regdoc.ingest;

import dev.regdoc.capture.CaptureException;
import dev.regdoc.capture.CaptureReader;
import dev.regdoc.capture.CaptureSummary;
import dev.regdoc.ccmtrace.TraceSession;
import dev.regdoc.common.DisplayNames;
import dev.regdoc.common.ReadProgress;
import dev.regdoc.common.Sizes;
import dev.regdoc.common.TempFiles;
import dev.regdoc.common.WorkLimit;
import dev.regdoc.common.WorkStopped;
import dev.regdoc.facts.CucmAlarm;
import dev.regdoc.facts.Fact;
import dev.regdoc.facts.FactSink;
import dev.regdoc.facts.FileProblem;
import dev.regdoc.facts.FileReport;
import dev.regdoc.facts.InputKind;
import dev.regdoc.facts.NetworkLog;
import dev.regdoc.facts.TextReader;
import dev.regdoc.facts.TextSummary;
import dev.regdoc.facts.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Turns the files an engineer hands over (captures, syslog, configs, gzip and zip bundles of them)
 * into facts, one file at a time, streaming. Every file gets a report; nothing is skipped without a
 * sentence saying so.
 */
public final class IngestService {
  /**
   * Compressed bytes the gzip inflater takes at a time: small, so the ratio is judged on what was
   * really consumed.
   */
  private static final int INFLATER_INPUT = 8 * 1024;

  private final InputSniffer sniffer = new InputSniffer();
  private final CaptureReader captures;
  private final Map<InputKind, TextReader> textReaders;
  private final IngestLimits limits;

  /**
   * Where archives are unpacked; null for this process's own folder, made at the first archive (a
   * plain file never needs one, and making it sweeps the temp folder: 7 % of a tiny timeline).
   */
  private final TempFiles temp;

  private final long maxFacts;
  private final int logLineWeight;

  /**
   * Heap bytes one held fact costs the whole analysis: the fact, its timeline event and what the
   * rules build from it. The live heap peaks in the rule session, after the messages are gone: the
   * bench's mixed 2 GB capture read whole (269,548 facts) peaked at 171 MB, 634 bytes a fact (class
   * histograms through the run, budget lifted; the events tell their summaries from their details,
   * and a healthy phone's attempts stay in its history instead of being facts). Under a 192 MB
   * heap, budget set by hand, 200,000 facts fitted and 240,000 ran out; but the process peaked at
   * 284-297 MB whatever the budget, the heap filling with garbage before it is collected. The
   * launcher gives analyze 176 MB instead: at 1,100 bytes a fact that holds 161,000 facts, peak RSS
   * 278-282 MB. This is the charge of an analysis that keeps its events (the chat's, whose answers
   * draw them, and the command line's with --charts); the command line's answer otherwise lets them
   * go ({@link #ANSWER_ONLY_HEAP_BYTES_PER_FACT}).
   */
  static final long HEAP_BYTES_PER_FACT = 1100;

  /**
   * Heap bytes one held fact costs a reading whose facts only become a timeline (the timeline
   * command: no rule session): the fact while the timeline is built, then its event. Found by the
   * smallest heap that reads each of the bench's captures whole, budget lifted (the events tell
   * their summaries from their details): its mixed 2 GB capture, 269,548 facts, needs 148 MB (136
   * MB ran out); its SIP-dense 300 MB one, 400,000 facts, 224 MB (192 MB ran out). Under the
   * launcher's 192 MB heap, 700 bytes a fact holds 275,000: the 2 GB capture whole (6.3 s, peak RSS
   * 257 MB), and 275,000 facts of the dense one (7.0 s, 248 MB).
   */
  static final long TIMELINE_HEAP_BYTES_PER_FACT = 700;

  /**
   * Heap bytes one held fact costs an analysis that lets the timeline's events go before its rule
   * session (an answer without pictures: the command line's). Found by the smallest heap that reads
   * each of the bench's captures whole, budget lifted, under the launcher's split of the heap
   * (NewRatio=4: the events and the session are long-lived, so the old generation is what runs
   * out): the mixed 2 GB capture, 269,548 facts, needs 144 MB (136 MB ran out), about 535 bytes a
   * fact, its peak in the rule session; the SIP-dense 300 MB one, 400,000 facts, 224 MB (208 MB ran
   * out), about 560, its peak while the registration transactions are matched. 660 bytes keeps a
   * fifth above both: under analyze's 176 MB it holds 279,000 facts, the 2 GB capture whole (12-13
   * s, peak RSS 268-270 MB). A log line is charged what it costs a whole analysis ({@link
   * #LOG_LINE_WEIGHT} of {@link #HEAP_BYTES_PER_FACT}): its alarm still becomes a finding.
   */
  static final long ANSWER_ONLY_HEAP_BYTES_PER_FACT = 660;

  /**
   * How many packets' facts one log line's fact weighs: it keeps its fields and text, and each CUCM
   * alarm becomes a finding of its own. Measured on a storm of CUCM EndPointUnregistered and
   * EndPointRegistered lines (5,000 phones, AlarmStormBudgetTest): under analyze's 176 MB heap
   * 20,000 lines took 3 s, 30,000 took 11 s of collection and 40,000 ran out (about 6 KB a line);
   * the timeline command's 224 MB held 50,000 near its end and ran out at 70,000. Seven packets'
   * facts (7.7 KB for analyze, 5.8 KB for a timeline) keep both clear of that.
   */
  static final int LOG_LINE_WEIGHT = 7;

  public IngestService(
      CaptureReader captures, Map<InputKind, TextReader> textReaders, IngestLimits limits) {
    this(captures, textReaders, limits, (TempFiles) null);
  }

  /** As above, unpacking archives into {@code temp}'s folder. */
  public IngestService(
      CaptureReader captures,
      Map<InputKind, TextReader> textReaders,
      IngestLimits limits,
      TempFiles temp) {
    this(
        captures,
        textReaders,
        limits,
        temp,
        factBudget(Runtime.getRuntime().maxMemory()),
        LOG_LINE_WEIGHT);
  }

  private IngestService(
      CaptureReader captures,
      Map<InputKind, TextReader> textReaders,
      IngestLimits limits,
      TempFiles temp,
      long maxFacts,
      int logLineWeight) {
    this.captures = captures;
    this.textReaders = Map.copyOf(textReaders);
    this.limits = limits;
    this.temp = temp;
    this.maxFacts = maxFacts;
    this.logLineWeight = logLineWeight;
  }

  /**
   * The facts one analysis may hold on a heap of {@code maxHeapBytes}: the system property {@code
   * regdoc.maxFacts} when set, else sized from the heap.
   */
  static long factBudget(long maxHeapBytes) {
    return factBudget(maxHeapBytes, HEAP_BYTES_PER_FACT);
  }

  /** As {@link #factBudget(long)}, for facts that cost {@code bytesPerFact} each. */
  static long factBudget(long maxHeapBytes, long bytesPerFact) {
    return Long.getLong("regdoc.maxFacts", maxHeapBytes / bytesPerFact);
  }

  /**
   * As this one, for a reading whose facts only become a timeline, without a rule session: a fact
   * costs less, so the same heap holds more of them ({@link #TIMELINE_HEAP_BYTES_PER_FACT}).
   */
  public IngestService timelineOnly() {
    return withMaxFacts(factBudget(Runtime.getRuntime().maxMemory(), TIMELINE_HEAP_BYTES_PER_FACT));
  }

  /**
   * As this one, for an analysis that keeps no timeline events past its signals: a fact costs less,
   * so the same heap holds more of them ({@link #ANSWER_ONLY_HEAP_BYTES_PER_FACT}).
   */
  public IngestService answerOnly() {
    long perLine = LOG_LINE_WEIGHT * HEAP_BYTES_PER_FACT; // its alarms still reach the rules
    return new IngestService(
        captures,
        textReaders,
        limits,
        temp,
        factBudget(Runtime.getRuntime().maxMemory(), ANSWER_ONLY_HEAP_BYTES_PER_FACT),
        (int) ((perLine + ANSWER_ONLY_HEAP_BYTES_PER_FACT - 1) / ANSWER_ONLY_HEAP_BYTES_PER_FACT));
  }

  /** As this one, holding at most {@code max} facts per analysis. */
  public IngestService withMaxFacts(long max) {
    return new IngestService(captures, textReaders, limits, temp, max, logLineWeight);
  }

  public List<FileReport> ingest(List<InputFile> files, FactSink sink) {
    return ingest(files, sink, ReadProgress.NONE);
  }

  /**
   * As {@link #ingest(List, FactSink)}, telling {@code progress} how far each capture's reading has
   * got.
   */
  public List<FileReport> ingest(List<InputFile> files, FactSink sink, ReadProgress progress) {
    return ingestWithin(files, sink, progress).reports();
  }

  /**
   * As {@link #ingest(List, FactSink, ReadProgress)} under the thread's {@link WorkLimit}: when the
   * limit passes, the file being read is reported as stopped (what it gave so far is kept), and the
   * files after it as not read. A cancellation is not caught: nobody waits for the result.
   */
  public Ingested ingestWithin(List<InputFile> files, FactSink sink, ReadProgress progress) {
    List<FileReport> reports = new ArrayList<>();
    // trace files of one node may come in any order: a message cut by rotation is joined here
    TraceSession traces = new TraceSession(sink);
    Held held = new Held();
    for (int i = 0; i < files.size(); i++) {
      InputFile f = files.get(i);
      Expansion e = new Expansion(traces, reports, progress, held);
      try {
        e.file(f.path(), f.name(), 0);
      } catch (WorkStopped stop) {
        if (stop.why() == WorkStopped.Why.CANCELLED) {
          throw stop;
        }
        if (stop.why() == WorkStopped.Why.TOO_MANY_FACTS) {
          reports.add(e.full(f.name(), held.reached(), held.count));
          files
              .subList(i + 1, files.size())
              .forEach(rest -> reports.add(notReachedFull(rest, held.count)));
          addNotes(reports, traces.finish());
          return new Ingested(reports, null); // not out of time: what was read is judged in full
        }
        reports.add(e.stopped(f.name(), stop.limit()));
        for (InputFile rest : files.subList(i + 1, files.size())) {
          reports.add(
              notReached(
                  rest.name(),
                  FileProblem.of(
                      "file-not-reached",
                      rest.name()
                          + ": not read: the analysis reached its time limit of "
                          + stop.limit().toSeconds()
                          + " s before this file",
                      rest.name(),
                      stop.limit().toSeconds())));
        }
        addNotes(reports, traces.finish());
        return new Ingested(reports, f.name());
      }
    }
    addNotes(reports, traces.finish());
    return new Ingested(reports, null);
  }

  /** The facts this analysis holds so far, and where the last one came from. */
  /** What {@code fact} costs the analysis, in packets' facts. */
  private int weight(Fact fact) {
    return fact instanceof CucmAlarm || fact instanceof NetworkLog ? logLineWeight : 1;
  }

  private static final class Held {
    long count;
    long weight;
    Fact last;

    /** Where the last fact held was read, as replies cite it, with its time. */
    String reached() {
      return last == null ? "its start" : last.origin().cite() + " (" + last.time() + ")";
    }
  }

  private FileReport notReachedFull(InputFile rest, long held) {
    return notReached(
        rest.name(),
        FileProblem.of(
            "file-not-reached-too-many-events",
            rest.name()
                + ": not read: the analysis already held "
                + held
                + " events, all its memory allows; analyze this file on its own",
            rest.name(),
            held));
  }

  /** A later file the analysis stopped before; its problem says why. */
  private static FileReport notReached(String name, FileProblem why) {
    return FileReport.keyed(name, InputKind.UNKNOWN, "not read", false, Map.of(), List.of(why));
  }

  /** Adds each file's later sentences (from joining traces) to its report. */
  private static void addNotes(List<FileReport> reports, Map<String, List<FileProblem>> notes) {
    notes.forEach(
        (file, problems) ->
            amendKeyed(reports, file, problems.stream().map(p -> p.named(file)).toList()));
  }

  /** Adds {@code added} to the last report for {@code file}, or a report of its own. */
  private static void amendKeyed(List<FileReport> reports, String file, List<FileProblem> added) {
    for (int i = reports.size() - 1; i >= 0; i--) {
      FileReport r = reports.get(i);
      if (r.file().equals(file)) {
        List<FileProblem> problems = new ArrayList<>(r.problemKeys());
        problems.addAll(added);
        reports.set(
            i, FileReport.keyed(r.file(), r.kind(), r.looksLike(), r.read(), r.counts(), problems));
        return;
      }
    }
    reports.add(FileReport.keyed(file, InputKind.UNKNOWN, "", false, Map.of(), added));
  }

  /**
   * The reports of one ingestion.
   *
   * @param stoppedIn the file whose reading the time limit stopped; null when every file was read
   *     to its end
   */
  public record Ingested(List<FileReport> reports, String stoppedIn) {
    public boolean stopped() {
      return stoppedIn != null;
    }
  }

  /** State of one top-level file's expansion: how much its archives have produced so far. */
  private final class Expansion {
    private final FactSink sink;
    private final List<FileReport> reports;
    private final ReadProgress progress;
    private long expanded;
    private long facts;
    private Sniffed top = new Sniffed(InputKind.UNKNOWN, "not judged yet");
    private String reading;

    Expansion(FactSink sink, List<FileReport> reports, ReadProgress progress, Held held) {
      this.sink =
          fact -> {
            // trace records have a cap of their own (TraceSession's), sized for their small facts
            if (!(fact instanceof TraceRecord)) {
              int weight = weight(fact);
              if (held.weight + weight > maxFacts) {
                throw new WorkStopped(
                    WorkStopped.Why.TOO_MANY_FACTS, Duration.ZERO, "holds too many facts");
              }
              held.weight += weight;
              held.count++;
              held.last = fact;
            }
            facts++;
            sink.accept(fact);
          };
      this.reports = reports;
      this.progress = progress;
    }

    /**
     * The report of the top-level file {@code name} whose reading the time limit stopped; its facts
     * so far are kept.
     */
    FileReport stopped(String name, Duration limit) {
      String where = reading == null || reading.equals(name) ? "" : " (in " + reading + ")";
      String text =
          name
              + ": reading was stopped after "
              + limit.toSeconds()
              + " s"
              + where
              + ", the time limit of an analysis: the file is"
              + " too costly to read in full, so only "
              + (facts > 0 ? "its first part is" : "the other files are")
              + " used. Cut it down (e.g. editcap -A/-B by time, or a capture filter on the"
              + " phone's address) or raise the time limit (analyses.time-limit-seconds;"
              + " --time-limit for the command line)";
      String key = facts > 0 ? "file-stopped-partly-read" : "file-stopped-unread";
      return stoppedWith(name, FileProblem.of(key, text, name, limit.toSeconds()));
    }

    /**
     * The report of the top-level file {@code name} whose reading stopped at the analysis' budget
     * of facts, {@code reached} being where; its facts so far are kept.
     */
    FileReport full(String name, String reached, long held) {
      String text =
          name
              + ": reading was stopped at "
              + reached
              + ": the analysis holds "
              + held
              + " events, all its memory allows, so only the part before is used. Analyze one"
              + " phone (--device), cut the capture (e.g. editcap -A/-B by time) or give regdoc"
              + " more memory (REGDOC_HEAP)";
      return stoppedWith(
          name, FileProblem.of("file-stopped-too-many-events", text, name, reached, held));
    }

    /** The report of a top-level file whose reading stopped; read when any of it gave facts. */
    private FileReport stoppedWith(String name, FileProblem why) {
      return FileReport.keyed(
          name, top.kind(), top.description(), facts > 0, Map.of("facts", facts), List.of(why));
    }

    void file(Path path, String name, int depth) {
      try {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
          refuse(
              name,
              InputKind.UNKNOWN,
              "missing",
              Files.exists(path) && Files.isRegularFile(path)
                  ? "file-no-permission"
                  : "file-not-found",
              "cannot be read: there is no such file, or it is not readable");
          return;
        }
        long size = Files.size(path);
        if (size > limits.maxFileBytes()) {
          refuse(
              name,
              InputKind.UNKNOWN,
              Sizes.human(size),
              "file-too-large",
              "is "
                  + Sizes.human(size)
                  + ", over the limit of "
                  + Sizes.human(limits.maxFileBytes())
                  + "; cut it down (e.g. editcap -A/-B by time, or a capture filter on the phone's"
                  + " address)",
              Sizes.human(size),
              Sizes.human(limits.maxFileBytes()));
          return;
        }
        dispatch(path, name, depth, sniffer.sniff(path));
      } catch (IOException e) {
        refuse(
            name,
            InputKind.UNKNOWN,
            "unreadable",
            "file-unreadable",
            "could not be read: " + reason(e));
      }
    }

    private void dispatch(Path path, String name, int depth, Sniffed s) throws IOException {
      if (depth == 0) {
        top = s;
      }
      reading = name;
      if (s.kind() == InputKind.OTHER_TEXT) {
        skipNotes(name, s);
        return;
      }
      if (!reads(s)) {
        refuseUnread(name, s);
        return;
      }
      switch (s.kind()) {
        case PCAP, PCAPNG -> capture(path, name, s);
        case GZIP -> gzip(path, name, depth, s);
        case ZIP -> zip(path, name, depth, s);
        default -> text(path, name, s);
      }
    }

    /**
     * Notes or a README among the files, or inside an archive: named as what they are, without a
     * complaint.
     */
    private void skipNotes(String name, Sniffed s) {
      reports.add(new FileReport(name, s.kind(), s.description(), false, Map.of(), List.of()));
    }

    /**
     * True for the kinds this build reads: captures, archives, and the texts it has a reader for.
     */
    private boolean reads(Sniffed s) {
      return s.kind().isCapture() || s.kind().isArchive() || textReaders.containsKey(s.kind());
    }

    private void refuseUnread(String name, Sniffed s) {
      if (s.kind() == InputKind.SYSLOG
          || s.kind() == InputKind.IOS_CONFIG
          || s.kind() == InputKind.ASA_CONFIG
          || s.kind() == InputKind.CCM_TRACE) {
        refuse(
            name,
            s.kind(),
            s.description(),
            "file-no-reader",
            "looks like " + s.description() + ", but this build has no reader for it");
        return;
      }
      refuse(
          name,
          s.kind(),
          s.description(),
          s.kind() == InputKind.EMPTY ? "file-empty" : "file-unknown-format",
          "is not something regdoc reads: it looks like "
              + s.description()
              + ". regdoc reads pcap/pcapng captures, CUCM, IOS and ASA syslog, IOS and ASA"
              + " configurations and CallManager traces, also inside gzip or zip (RTMT) bundles");
    }

    private void capture(Path path, String name, Sniffed s) {
      try {
        CaptureSummary c = captures.read(path, name, sink, progress);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("frames", c.frames());
        counts.put("decoded", c.framesDecoded());
        counts.put("bytes", c.bytes());
        String looks =
            c.format() + (c.linkTypes().isEmpty() ? "" : ", " + String.join(", ", c.linkTypes()));
        reports.add(
            FileReport.keyed(
                name,
                s.kind(),
                looks,
                c.frames() > 0,
                counts,
                c.problemKeys().stream().map(p -> p.named(name)).toList()));
      } catch (CaptureException e) {
        refuse(name, s.kind(), s.description(), "file-capture-unreadable", e.getMessage());
      } catch (IOException e) {
        refuse(
            name, s.kind(), s.description(), "file-unreadable", "could not be read: " + reason(e));
      }
    }

    private void text(Path path, String name, Sniffed s) throws IOException {
      TextReader reader = textReaders.get(s.kind());
      try (InputStream in = Files.newInputStream(path)) {
        TextSummary t = reader.read(name, in, sink);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("lines", t.lines());
        counts.put("recognised", t.recognised());
        counts.put("unrecognised", t.unrecognised());
        counts.putAll(t.details());
        List<FileProblem> problems = t.problemKeys().stream().map(p -> p.named(name)).toList();
        String looks = t.description() != null ? t.description() : s.description();
        reports.add(FileReport.keyed(name, s.kind(), looks, t.recognised() > 0, counts, problems));
      }
    }

    private void gzip(Path path, String name, int depth, Sniffed s) throws IOException {
      if (!deeperAllowed(name, depth, s)) {
        return;
      }
      try (CountedInput compressed = new CountedInput(Files.newInputStream(path));
          InputStream in = new GZIPInputStream(compressed, INFLATER_INPUT)) {
        expand(in, compressed::count, name, depth, "the gzip stream");
      } catch (LimitExceeded x) {
        reports.add(
            FileReport.keyed(
                name,
                s.kind(),
                s.description(),
                false,
                Map.of(),
                List.of(FileProblem.of("file-expansion-limit", x.getMessage(), name))));
      } catch (IOException e) {
        refuse(
            name,
            s.kind(),
            s.description(),
            "file-gzip-damaged",
            "could not be decompressed: " + reason(e));
      }
    }

    private void zip(Path path, String name, int depth, Sniffed s) throws IOException {
      if (!deeperAllowed(name, depth, s)) {
        return;
      }
      List<FileProblem> problems = new ArrayList<>();
      long entries = 0;
      try (CountedInput compressed = new CountedInput(Files.newInputStream(path));
          ZipInputStream zin = new ZipInputStream(compressed)) {
        ZipEntry e;
        while ((e = nextEntry(zin)) != null) {
          if (e.isDirectory()) {
            continue;
          }
          if (++entries > limits.maxEntries()) {
            problems.add(
                FileProblem.of(
                    "file-too-many-entries",
                    name
                        + ": has more than "
                        + limits.maxEntries()
                        + " entries; the rest were not read",
                    name,
                    limits.maxEntries()));
            break;
          }
          long entryStart = compressed.count();
          if (!entry(
              zin,
              () -> compressed.count() - entryStart,
              name + "!/" + DisplayNames.clean(e.getName()),
              depth,
              problems)) {
            break;
          }
        }
      } catch (IOException e) {
        problems.add(
            FileProblem.of(
                "file-archive-damaged",
                name + ": the archive is damaged after " + entries + " entries: " + reason(e),
                name,
                entries));
      }
      if (entries == 0 && problems.isEmpty()) {
        problems.add(
            FileProblem.of(
                "file-archive-no-entries",
                name + ": the archive holds no files (it is empty, or cut before its first entry)",
                name));
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("entries", entries);
      reports.add(FileReport.keyed(name, s.kind(), s.description(), entries > 0, counts, problems));
    }

    /**
     * The next entry; a name that is not valid UTF-8 is damage like any other (the JDK throws
     * IllegalArgumentException).
     */
    private static ZipEntry nextEntry(ZipInputStream zin) throws IOException {
      try {
        return zin.getNextEntry();
      } catch (IllegalArgumentException e) {
        throw new ZipException("an entry name is not valid UTF-8");
      }
    }

    /**
     * @return false when the archive must not be read further (total limit reached)
     */
    private boolean entry(
        InputStream zin,
        LongSupplier compressed,
        String entryName,
        int depth,
        List<FileProblem> problems)
        throws IOException {
      try {
        expand(zin, compressed, entryName, depth, "the zip entry");
        return true;
      } catch (LimitExceeded x) {
        problems.add(FileProblem.of("file-expansion-limit", x.getMessage(), entryName));
        return expanded < limits.maxExpandedTotal();
      }
    }

    /**
     * Expands one gzip stream or zip entry: its head is judged first, and a head that is nothing
     * regdoc reads is refused without expanding the rest; otherwise it is written to a temp file
     * under the size and ratio limits, which stop it as soon as it passes them, and read from
     * there. Compressed data that ends early (CallManager's trace file still being written, a cut
     * download) is read up to where it ends, and its status says so.
     */
    private void expand(
        InputStream raw, LongSupplier compressed, String name, int depth, String what)
        throws IOException {
      ExpandingInput in =
          new ExpandingInput(
              raw, compressed, remaining(limits.maxEntryBytes()), limits.maxRatio(), name);
      try {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        boolean endedEarly = copyUntilEarlyEnd(in, headBytes, InputSniffer.HEAD);
        byte[] head = headBytes.toByteArray();
        Sniffed s = sniffer.sniff(head);
        if (s.kind() == InputKind.OTHER_TEXT) {
          skipNotes(name, s);
          return;
        }
        if (!reads(s)) {
          refuseUnread(name, s);
          return;
        }
        if (s.kind().isArchive() && !deeperAllowed(name, depth + 1, s)) {
          return;
        }
        TempFiles unpacked = temp != null ? temp : TempFiles.process();
        Path tmp = unpacked.newFile("unpacked-", ".tmp");
        try {
          try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(head);
            if (!endedEarly && head.length == InputSniffer.HEAD) {
              endedEarly = copyUntilEarlyEnd(in, out, Long.MAX_VALUE);
            }
          }
          dispatch(tmp, name, depth + 1, s);
          if (endedEarly) {
            amendKeyed(
                reports,
                name,
                List.of(
                    FileProblem.of(
                        "file-ends-early",
                        name
                            + ": "
                            + what
                            + " ends early, after "
                            + Sizes.human(in.count())
                            + " unpacked (a file still being written, such as CallManager's"
                            + " current .gzo trace, or a cut download); the part before the end"
                            + " was read",
                        name,
                        Sizes.human(in.count()))));
          }
        } finally {
          unpacked.delete(tmp);
        }
      } finally {
        expanded += in.count();
      }
    }

    /**
     * Copies up to {@code max} bytes; true when the compressed data ended before its end mark (what
     * came before is copied), false at a proper end or at {@code max}.
     */
    private static boolean copyUntilEarlyEnd(InputStream in, OutputStream out, long max)
        throws IOException {
      byte[] buf = new byte[8192];
      long left = max;
      try {
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            return false;
          }
          out.write(buf, 0, n);
          left -= n;
        }
        return false;
      } catch (EOFException e) {
        return true;
      }
    }

    private long remaining(long perEntry) throws LimitExceeded {
      long left = limits.maxExpandedTotal() - expanded;
      if (left <= 0) {
        throw new LimitExceeded(
            "the archive's contents exceed " + Sizes.human(limits.maxExpandedTotal()) + " in all");
      }
      return Math.min(perEntry, left);
    }

    private boolean deeperAllowed(String name, int depth, Sniffed s) {
      if (depth >= limits.maxDepth()) {
        refuse(
            name,
            s.kind(),
            s.description(),
            "file-nested-too-deep",
            "is nested "
                + depth
                + " archives deep; regdoc unpacks at most "
                + limits.maxDepth()
                + " levels",
            limits.maxDepth());
        return false;
      }
      return true;
    }

    /**
     * Reports {@code name} as not read: {@code why} in English, and {@code key} with the file's
     * name then {@code values} for the other languages.
     */
    private void refuse(
        String name, InputKind kind, String looksLike, String key, String why, Object... values) {
      Object[] all = new Object[values.length + 1];
      all[0] = name;
      System.arraycopy(values, 0, all, 1, values.length);
      reports.add(
          FileReport.keyed(
              name,
              kind,
              looksLike,
              false,
              Map.of(),
              List.of(FileProblem.of(key, name + ": " + why, all))));
    }
  }

  /**
   * What went wrong in an exception's own words, or its kind when it has none (a ZipException or
   * EOFException often carries no message).
   */
  static String reason(Exception e) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e instanceof EOFException
        ? "the data ends too early"
        : e instanceof ZipException
            ? "the zip structure is invalid"
            : "an I/O error (" + e.getClass().getSimpleName() + ")";
  }
}
